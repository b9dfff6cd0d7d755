#if canImport(Glibc)
import Glibc
#endif
@testable import ChrystokiConf

/// The three example files of lunacm-reference.md sections 5.4, 5.5 and 5.6, verbatim.
enum Fixtures {
    /// 5.4: Linux client 10.x with two Network HSMs and one HA group.
    static let linuxClient10 = """
Chrystoki2 = {
   LibUNIX = /usr/safenet/lunaclient/lib/libCryptoki2.so;
   LibUNIX64 = /usr/safenet/lunaclient/lib/libCryptoki2_64.so;
}

Luna = {
   DefaultTimeOut = 500000;
   PEDTimeout1 = 100000;
   PEDTimeout2 = 200000;
   PEDTimeout3 = 20000;
   KeypairGenTimeOut = 2700000;
   CloningCommandTimeOut = 300000;
   CommandTimeOutPedSet = 720000;
}

CardReader = {
   LunaG5Slots = 0;
   RemoteCommand = 1;
}

Misc = {
   PE1746Enabled = 0;
   ToolsDir = /usr/safenet/lunaclient/bin;
   PartitionPolicyTemplatePath = /usr/safenet/lunaclient/data/partition_policy_templates;
   ProtectedAuthenticationPathFlagStatus = 0;
   MutexFolder = /usr/safenet/lunaclient/lock;
}

LunaSA Client = {
   ReceiveTimeout = 20000;
   SSLConfigFile = /usr/safenet/lunaclient/bin/openssl.cnf;
   ClientPrivKeyFile = /usr/safenet/lunaclient/cert/client/appclient01Key.pem;
   ClientCertFile = /usr/safenet/lunaclient/cert/client/appclient01.pem;
   ServerCAFile = /usr/safenet/lunaclient/cert/server/CAFile.pem;
   NetClient = 1;
   TCPKeepAlive = 1;
   EnableTLS1_2 = 1;
   HtlDir = /usr/safenet/lunaclient/htl/;
   ServerName00 = 10.0.0.11;
   ServerPort00 = 1792;
   ServerHtl00 = 0;
   ServerName01 = 10.0.0.12;
   ServerPort01 = 1792;
   ServerHtl01 = 0;
}

Secure Trusted Channel = {
   ClientTokenLib = /usr/safenet/lunaclient/lib/libSoftToken.so;
   SoftTokenDir = /etc/lunaclient/softtoken;
   ClientIdentitiesDir = /etc/lunaclient/data/client_identities;
   PartitionIdentitiesDir = /etc/lunaclient/data/partition_identities;
}

VirtualToken = {
   VirtualToken00Label = myHAgroup;
   VirtualToken00SN = 1154438865287;
   VirtualToken00Members = 154438865287,1238700701509;
   VirtualTokenActiveRecovery = activeEnhanced;
}

HASynchronize = {
   myHAgroup = 1;
}

HAConfiguration = {
   HAOnly = 1;
   reconnAtt = 500;
   AutoReconnectInterval = 60;
   haLogStatus = enabled;
   haLogPath = /tmp/halog;
   logLen = 100000000;
}

"""

    /// 5.5: Luna 5.3-era file (AWS CloudHSM-classic generator style): two-space indents, no blank
    /// lines between some sections.
    static let luna53 = """
Chrystoki2 = {
   LibUNIX = /usr/lib/libCryptoki2.so;
   LibUNIX64 = /usr/lib/libCryptoki2_64.so;
}

Luna = {
  DefaultTimeOut = 500000;
  PEDTimeout1 = 100000;
  PEDTimeout2 = 100000;
  PEDTimeout3 = 10000;
  KeypairGenTimeOut = 2700000;
  CloningCommandTimeOut = 300000;
}

CardReader = {
  RemoteCommand = 1;
}
LunaSA Client = {
   ReceiveTimeout = 20000;
   SSLConfigFile = /usr/safenet/lunaclient/bin/openssl.cnf;
   ClientPrivKeyFile = /usr/safenet/lunaclient/cert/client/<client>Key.pem;
   ClientCertFile = /usr/safenet/lunaclient/cert/client/<client>.pem;
   ServerCAFile = /usr/safenet/lunaclient/cert/server/CAFile.pem;
   NetClient = 1;
   HtlDir = /usr/safenet/lunaclient/htl/;
   ServerName00 = 10.0.1.5;
   ServerPort00 = 1792;
   ServerHtl00 = 0;
}
Misc = {
   ToolsDir = /usr/safenet/lunaclient/bin;
}
VirtualToken = {
   VirtualToken00Label = group1;
   VirtualToken00SN = 0123456789;
   VirtualToken00Members = 475193015,475193016;
}
HASynchronize = {
   group1 = 1;
}
HAConfiguration = {
   reconnAtt = -1;
   AutoReconnectInterval = 60;
   HAOnly = 1;
}

"""

    /// 5.6: Windows crystoki.ini fragment.
    static let windowsIni = """
[Chrystoki2]
LibNT=C:\\Program Files\\SafeNet\\LunaClient\\cryptoki.dll

[VirtualToken]
VirtualToken00Label=myHAgroup
VirtualToken00SN=1154438865287
VirtualToken00Members=154438865287,1238700701509
VirtualTokenActiveRecovery=activeEnhanced

[HASynchronize]
myHAgroup=1

[HAConfiguration]
HAOnly=1
reconnAtt=500
AutoReconnectInterval=60

"""

    /// The repository's Config/Chrystoki.conf (a fresh client's file), found from this source file
    /// (symbolic links resolved, so it also works from a package that links this folder in).
    static var defaultConf: String {
        var path = #filePath
        if let real = realpath(path, nil) {
            path = String(cString: real)
            free(real)
        }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let conf = parts.joined(separator: "/") + "/Config/Chrystoki.conf"
        guard let bytes = try? AtomicFile.read(conf) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func parse(_ text: String, _ grammar: ConfGrammar? = nil) throws -> ConfDocument {
        try ConfDocument.parse(text, grammar: grammar)
    }
}
