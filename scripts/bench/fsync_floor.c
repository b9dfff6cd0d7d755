/* The floor for P4: one fsync'd write-and-rename of a file of a given size, as a whole process,
   so that it can be compared with a mutating lunacm command pair by pair. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: fsync_floor BYTES TARGET\n"); return 2; }
    size_t size = (size_t)strtoull(argv[1], NULL, 10);
    char temp[4096];
    snprintf(temp, sizeof temp, "%s.tmp", argv[2]);
    char *buffer = malloc(size ? size : 1);
    memset(buffer, 'x', size);
    int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, buffer + done, size - done);
        if (n < 0) { perror("write"); return 1; }
        done += (size_t)n;
    }
    if (fsync(fd) != 0) { perror("fsync"); return 1; }
    close(fd);
    if (rename(temp, argv[2]) != 0) { perror("rename"); return 1; }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", argv[2]);
    char *slash = strrchr(dir, '/');
    if (slash) { *slash = 0; } else { strcpy(dir, "."); }
    int dirfd = open(dir, O_RDONLY);
    if (dirfd >= 0) { fsync(dirfd); close(dirfd); }
    return 0;
}
