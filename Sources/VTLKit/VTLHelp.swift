import LunaSim

/// `vtl --help` and `vtl <command> -help`.
enum VTLHelp {
    static let overview = """
    vtl (lunasim): the Luna client's server registration and HA tool, simulated.

    Usage: vtl [--home DIR] <command> [options]

    Commands:
      createCert -n <client name>                      create a client certificate and key
      addServer -n <server> -c <server cert file> [-port <n>] [-htl]
                                                       register a Network HSM with this client
      deleteServer -n <server> [-force]                unregister a Network HSM
      listServers                                      list the registered servers
      verify                                           list the Network HSM partitions this client reaches
      listSlots                                        list the slots (LunaNet and HA Virtual Card slots)
      haAdmin show                                     show HA settings and groups
      haAdmin -HAOnly -enable | -disable | -show       show only HA virtual slots to applications
      haAdmin newGroup -serialNum <sn> -label <label> -password <pw>
      haAdmin addMember -group <number|label> -serialNum <sn> -password <pw>
      haAdmin removeMember -group <number|label> -serialNum <sn>
      haAdmin -standbyMembers -set | -remove -group <number|label> -serialNum <sn>
      haAdmin synchronize -group <number|label> -password <pw>
      haAdmin autoRecovery -retry <n>                  -1 unlimited, 0 disables auto recovery

    The state home is --home DIR, else $LUNASIM_HOME, else ~/.lunasim; Chrystoki.conf is
    $ChrystokiConfigurationPath/Chrystoki.conf when that is set, else <home>/Chrystoki.conf
    (the same files lunacm uses). Exit status: 0 success, 1 refused.

    """

    static let topics: [String: String] = [
        "createcert": "Usage: vtl createCert -n <client name>\n\nWrites <name>.pem and <name>Key.pem beside the conf's ClientCertFile and points\nClientCertFile and ClientPrivKeyFile at them.\n",
        "addserver": "Usage: vtl addServer -n <server> -c <server cert file> [-port <n>] [-htl]\n\nAdds ServerNameNN, ServerPortNN (1792) and ServerHtlNN to \"LunaSA Client\" in Chrystoki.conf\nand the server certificate to ServerCAFile.\n",
        "deleteserver": "Usage: vtl deleteServer -n <server> [-force]\n\nRemoves the server's entries; refused while an HA group member lives on it unless -force.\n",
        "listservers": "Usage: vtl listServers\n",
        "verify": "Usage: vtl verify\n",
        "listslots": "Usage: vtl listSlots\n",
        "haadmin": "Usage: vtl haAdmin show | -HAOnly {-enable|-disable|-show} | newGroup -serialNum <sn> -label <label> -password <pw>\n       | addMember -group <g> -serialNum <sn> -password <pw> | removeMember -group <g> -serialNum <sn>\n       | -standbyMembers {-set|-remove} -group <g> -serialNum <sn> | synchronize -group <g> -password <pw>\n       | autoRecovery -retry <n>\n",
    ]

    static func text(_ topic: String?) throws(LunaError) -> String {
        guard let topic else { return overview }
        guard let text = topics[topic.lowercased()] else {
            throw LunaError(.argumentsBad, "Unknown command '\(topic)'. Run 'vtl --help' for the commands.")
        }
        return text
    }
}
