// The `configurator` tool Thales ships with the client, as automation calls it:
//   configurator setValue -s "<Section>" -e <Entry> -v <value>
// Everything it does is in ChrystokiConf; this target only parses arguments and reports.
Configurator.main()
