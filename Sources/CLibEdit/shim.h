// libedit for Swift. el_set() and history() are variadic, which Swift cannot call, so each use
// gets a small fixed-signature wrapper; Swift 6 also refuses C's stdin/stdout globals, so those
// are wrapped too.
#ifndef LUNASIM_CLIBEDIT_SHIM_H
#define LUNASIM_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <stdio.h>

static inline FILE *lunasim_stdin(void) { return stdin; }
static inline FILE *lunasim_stdout(void) { return stdout; }
static inline FILE *lunasim_stderr(void) { return stderr; }

// LunaCM's prompt. A C function, so libedit can call it without a Swift closure context.
static inline char *lunasim_prompt(EditLine *el) {
    (void)el;
    return (char *)"lunacm:>";
}

// A question's prompt (copy/remove/quit, proceed): the text is the editor's client data, so one
// C function serves any question without a Swift closure context.
static inline char *lunasim_question_prompt(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data ? (char *)data : (char *)"";
}

static inline int lunasim_el_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
    return el_set(el, EL_PROMPT, prompt);
}
static inline int lunasim_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int lunasim_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int lunasim_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
// Tab completion: the editor object rides along as client data, the key runs a named function.
static inline int lunasim_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *lunasim_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int lunasim_el_addfn(EditLine *el, const char *name, const char *help,
                                   unsigned char (*function)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, function);
}
static inline int lunasim_el_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, NULL);
}
static inline int lunasim_el_source_default(EditLine *el) {
    return el_source(el, NULL);
}
// Ctrl-D: libedit's own binding (em-delete-or-list) draws "^D" before it ends input on an empty
// line; this one ends input silently, and elsewhere deletes the character under the cursor.
static inline unsigned char lunasim_delete_or_eof(EditLine *el, int ch) {
    (void)ch;
    const LineInfo *line = el_line(el);
    if (line->buffer == line->lastchar) return CC_EOF;
    if (line->cursor == line->lastchar) return CC_NORM;
    el_cursor(el, 1);
    el_deletestr(el, 1);
    return CC_REFRESH;
}
static inline int lunasim_el_bind_delete_or_eof(EditLine *el) {
    if (el_set(el, EL_ADDFN, "lunasim-delete-or-eof", "Delete a character, or end input on an empty line",
               lunasim_delete_or_eof) != 0) return -1;
    return el_set(el, EL_BIND, "^D", "lunasim-delete-or-eof", NULL);
}

static inline int lunasim_history_setsize(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}
static inline int lunasim_history_setunique(History *h, HistEvent *ev, int unique) {
    return history(h, ev, H_SETUNIQUE, unique);
}
static inline int lunasim_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}
static inline int lunasim_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}
static inline int lunasim_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}

#endif
