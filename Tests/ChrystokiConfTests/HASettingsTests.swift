import Testing
@testable import ChrystokiConf

/// Global HA settings: defaults when absent, and one-line edits when set.
@Suite struct HASettingsTests {
    @Test func defaultsWhenKeysAreAbsent() throws {
        let ha = HAConfig(try ConfDocument.parse(Fixtures.defaultConf))
        #expect(ha.groups.isEmpty)
        #expect(ha.recoveryMode == .activeBasic)
        #expect(ha.haOnly == false)
        #expect(ha.reconnAtt == 0)
        #expect(ha.autoReconnectInterval == 60)
        #expect(ha.logEnabled == false)
        #expect(ha.logPath == nil)
        #expect(ha.logLength == nil)
        #expect(ha.cloudMembersJoinAsStandby == true)
    }

    @Test func readsReferenceExample() throws {
        let ha = HAConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        #expect(ha.groups == [HAGroupConfig(index: 0, label: "myHAgroup", serial: "1154438865287",
                                            members: ["154438865287", "1238700701509"], standbyMembers: [], synchronize: true)])
        #expect(ha.recoveryMode == .activeEnhanced)
        #expect(ha.haOnly && ha.reconnAtt == 500 && ha.autoReconnectInterval == 60)
        #expect(ha.logEnabled && ha.logPath == "/tmp/halog" && ha.logLength == 100000000)
        let old = HAConfig(try ConfDocument.parse(Fixtures.luna53))
        #expect(old.reconnAtt == -1)
        #expect(old.groups.first?.serial == "0123456789")
    }

    @Test func changingHAOnlyRewritesOneValue() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        try ha.setHAOnly(false)
        #expect(ha.document.text == Fixtures.linuxClient10.replacing("   HAOnly = 1;\n", with: "   HAOnly = 0;\n"))
        #expect(ha.haOnly == false)
    }

    @Test func enablingHAOnlyOnAFreshClientCreatesHAConfiguration() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.defaultConf))
        try ha.setHAOnly(true)
        #expect(ha.document.text == Fixtures.defaultConf + "\nHAConfiguration = {\n   HAOnly = 1;\n}\n")
    }

    @Test func changingHAOnlyInIni() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.windowsIni))
        try ha.setHAOnly(false)
        #expect(ha.document.text == Fixtures.windowsIni.replacing("HAOnly=1\n", with: "HAOnly=0\n"))
    }

    @Test func everySetterWritesItsKey() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.luna53))
        try ha.setReconnAtt(3)
        try ha.setInterval(120)
        try ha.setRecoveryMode(.activeEnhanced)
        try ha.setLogStatus(enabled: true)
        try ha.setLogPath("/var/log/ha")
        try ha.setLogLength(262144)
        try ha.setSynchronize(label: "group1", enabled: false)
        try ha.setCloudMembersJoinAsStandby(false)
        #expect(ha.reconnAtt == 3 && ha.autoReconnectInterval == 120 && ha.recoveryMode == .activeEnhanced)
        #expect(ha.logEnabled && ha.logPath == "/var/log/ha" && ha.logLength == 262144)
        #expect(ha.groups.first?.synchronize == false)
        #expect(ha.cloudMembersJoinAsStandby == false)
        #expect(ha.document.text.contains("HAConfiguration = {\n   reconnAtt = 3;\n   AutoReconnectInterval = 120;\n   HAOnly = 1;\n   haLogStatus = enabled;\n   haLogPath = /var/log/ha;\n   logLen = 262144;\n}\n"))
        #expect(ha.document.text.contains("   VirtualToken00Members = 475193015,475193016;\n   VirtualTokenActiveRecovery = activeEnhanced;\n}\n"))
        try ha.setLogPath(nil)
        try ha.setLogLength(nil)
        #expect(ha.logPath == nil && ha.logLength == nil)
    }
}
