namespace SyncHire.Emulators.Shared;

/// <summary>One item of an emulated model's conversation, whatever wire protocol it arrived by.</summary>
public abstract record ConversationItem
{
    private ConversationItem()
    {
    }

    public sealed record UserMessage(string Text) : ConversationItem;

    public sealed record AssistantMessage(string Text) : ConversationItem;

    public sealed record FunctionCall(string CallId, string Name, string ArgumentsJson) : ConversationItem;

    public sealed record FunctionOutput(string CallId, string OutputJson) : ConversationItem;
}

/// <summary>What the model does next: say something, call a function, or both (speech first, then the call).</summary>
public sealed record ModelTurn(string? Say, ModelFunctionCall? Call)
{
    public static ModelTurn Speak(string text) => new(text, null);

    public static ModelTurn Invoke(string name, string argumentsJson) => new(null, new ModelFunctionCall(name, argumentsJson));
}

public sealed record ModelFunctionCall(string Name, string ArgumentsJson);
