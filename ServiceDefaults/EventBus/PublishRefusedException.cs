namespace ClosetConnect.EventBus;

/// <summary>
/// The broker refused the message (a nack, or no queue took it), as opposed to not answering: publishing the same
/// message again soon will most likely be refused again, so the outbox counts it towards parking the row.
/// </summary>
public sealed class PublishRefusedException(string message, Exception innerException) : Exception(message, innerException);
