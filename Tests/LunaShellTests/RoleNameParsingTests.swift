import LunaShell
import LunaSim
import Testing

/// Role names as LunaCM takes them: `role show -name Crypto User` unquoted, as the LunaCM
/// Command Reference's capture types it; the words after the name are still options.
@Suite struct RoleNameParsingTests {
    @Test func unquotedMultiWordNamesAnswerAsTheReferenceCapture() throws {
        let world = try TestWorld(fleet: RoleCommandTests.freshFleet)
        _ = world.run("slot set -slot 2")
        let expected = "\n        State of role 'Crypto User':\n        Not initialized.\n\nCommand Result : No Error\n"
        #expect(world.run("role show -name Crypto User") == expected)
        #expect(world.run("role show -name crypto USER") == expected)
        #expect(world.run("role show -name \"Crypto User\"") == expected)
        #expect(world.run("role show -n cu") == expected)
    }

    @Test func aNameSpanningWordsIsFollowedByOptions() throws {
        let world = try TestWorld()
        #expect(world.run("role login -name Crypto Officer -password userpin1").hasSuffix("Command Result : No Error\n"))
        #expect(world.run("role show -name Partition SO").contains("State of role 'Partition SO':"))
        #expect(world.run("role show -name HSM SO").contains("State of role 'HSM SO':"))
    }

    @Test func partialOrTrailingWordsAreRefused() throws {
        let world = try TestWorld()
        #expect(world.run("role show -name Crypto").contains("The value 'Crypto' of -name must be one of:"))
        #expect(world.run("role show -name Crypto User extra").contains("Unexpected argument 'extra'"))
        #expect(world.run("role show -name Crypto -name User").contains("CKR_ARGUMENTS_BAD"))
    }
}
