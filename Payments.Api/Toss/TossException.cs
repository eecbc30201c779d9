namespace ClosetConnect.Payments.Toss;

/// <summary>Toss answered and refused: <see cref="Code"/> is Toss's error code (e.g. <c>REJECT_CARD_PAYMENT</c>).</summary>
public sealed class TossRejectedException(int statusCode, TossError error)
    : Exception($"Toss refused the request ({statusCode} {error.Code}): {error.Message}")
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = error.Code;

    public string TossMessage { get; } = error.Message;
}

/// <summary>
/// Toss did not answer (timeout, connection lost, 5xx after every retry): whether it acted is unknown until the payment
/// is read again.
/// </summary>
public sealed class TossUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
