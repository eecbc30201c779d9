namespace ClosetConnect.TossSimulator.Errors;

/// <summary>Toss answers in Korean unless the request asks for English (<c>Accept-Language: en-US</c>).</summary>
public enum MessageLanguage
{
    Korean,
    English,
}
