namespace ClosetConnect.TossSimulator.Errors;

/// <summary>One row of the error table: code, HTTP status, and the message in Korean (Toss's default) and English.</summary>
public sealed record TossErrorDefinition(string Code, int Status, string Korean, string English)
{
    public string Message(MessageLanguage language) => language == MessageLanguage.English ? English : Korean;

    public TossError ToError(MessageLanguage language) => new(Code, Message(language));
}
