import LunaSim

/// The copy/remove/quit question of createGroup and addMember (Thales, "Setting Up an HA Group", step 2), asked only once
/// every check has passed, so a refused command asks nothing.
enum HAGroupQuestions {
    /// nil when the joining partition holds no objects (nothing to ask).
    static func objectsChoice(_ plan: HAGroupService.JoinPlan, _ context: CommandContext) throws(LunaError) -> HAGroupService.ObjectsChoice? {
        guard plan.objectCount > 0 else { return nil }
        context.write(HAGroupRenderer.objectsWarning)
        let answer = try context.choose(
            prompt: HAGroupRenderer.objectsPrompt, from: ["copy", "remove"], quit: "quit",
            endOfInput: LunaError(.cancel, "No answer was given to copy, remove or quit (end of input); nothing was changed."),
            echoNewline: true)
        return answer == "copy" ? .copy : .remove
    }
}
