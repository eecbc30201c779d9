namespace ClosetConnect.AppHost.Hosting;

/// <summary>The application model is wrong or a resource could not be run; the message says which and why.</summary>
public sealed class DistributedApplicationException : Exception
{
    public DistributedApplicationException()
    {
    }

    public DistributedApplicationException(string message) : base(message)
    {
    }

    public DistributedApplicationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
