import Foundation
@testable import LunaShell
@testable import LunaTranscripts
import Testing

/// `[..]`, `...` and `[[NAME:REGEX]]` / `[[NAME]]`, through the block matcher.
@Suite struct TranscriptMatcherTests {
    func matches(_ expected: [String], _ actual: [String], _ bindings: LineMatcher.Bindings = [:]) -> LineMatcher.Bindings? {
        BlockMatcher(expected).match(actual, bindings, LineMatcher())
    }

    @Test func literalLinesMatchExactlyTrailingSpacesIncluded() {
        #expect(matches(["Key ", "b"], ["Key ", "b"]) != nil)
        #expect(matches(["Key ", "b"], ["Key", "b"]) == nil)
        #expect(matches(["a"], ["a", "b"]) == nil)
    }

    @Test func wildcardMatchesAnyTextOnItsLine() {
        #expect(matches(["lunacm (64-bit) v7.3.0[..]. Copyright"], ["lunacm (64-bit) v7.3.0 [lunacm-sim: x]. Copyright"]) != nil)
        #expect(matches(["lunacm (64-bit) v7.3.0[..]. Copyright"], ["lunacm (64-bit) v7.3.0. Copyright"]) != nil)
        #expect(matches(["a[..]z"], ["a(.*)+?z"]) != nil)
        #expect(matches(["a[..]z"], ["ab"]) == nil)
        #expect(matches(["(x)[..]"], ["(y)"]) == nil)
    }

    @Test func elisionMatchesAnyNumberOfLines() {
        #expect(matches(["a", "...", "z"], ["a", "z"]) != nil)
        #expect(matches(["a", "...", "z"], ["a", "b", "c", "z"]) != nil)
        #expect(matches(["a", "..."], ["a", "b"]) != nil)
        #expect(matches(["...", "z"], ["a", "z"]) != nil)
        #expect(matches(["a", "...", "z"], ["a", "b"]) == nil)
    }

    @Test func capturesBindAndMustRepeat() {
        let bound = matches(["number [[N:[0-9]+]]."], ["number 1154438865287."])
        #expect(bound?["N"] == "1154438865287")
        #expect(matches(["HA Group Number:  [[N]]"], ["HA Group Number:  1154438865287"], bound ?? [:]) != nil)
        #expect(matches(["HA Group Number:  [[N]]"], ["HA Group Number:  1238700701509"], bound ?? [:]) == nil)
        #expect(matches(["[[A:[a-z]+]]-[[A]]"], ["ab-ab"]) != nil)
        #expect(matches(["[[A:[a-z]+]]-[[A]]"], ["ab-cd"]) == nil)
        #expect(matches(["[[N]]"], ["x"]) == nil)  // used before it is bound
    }

    @Test func commentsAndTrailingBlankLinesAreNotCompared() {
        #expect(matches(["a", "#! a note", "b", "", ""], ["a", "b"]) != nil)
        #expect(matches(["", "a"], ["a"]) == nil)  // leading blank lines are
    }

    @Test func normalizedActualKeepsPatternsThatStillMatch() {
        let block = BlockMatcher(["v[..]", "...", "Number: [[N:[0-9]+]]", "old"])
        let matcher = LineMatcher()
        let actual = ["v7", "x", "y", "Number: 12", "new"]
        #expect(block.match(actual, [:], matcher) == nil)
        #expect(block.normalize(actual, [:], matcher).lines == ["v[..]", "...", "Number: [[N:[0-9]+]]", "new"])
    }
}
