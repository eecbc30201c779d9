using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting;

public static class MariaDbBuilderExtensions
{
    /// <summary>A MariaDB server from this machine's <c>mariadbd</c>, on <paramref name="port"/> or a free port.</summary>
    public static IResourceBuilder<MariaDbServerResource> AddMariaDB(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var server = new MariaDbServerResource(name);
        server.PrimaryEndpoint.Port = port;
        return builder.AddResource(server);
    }

    /// <summary>A database with its own user, who may use this database only. Connection string: <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<MariaDbDatabaseResource> AddDatabase(
        this IResourceBuilder<MariaDbServerResource> server, string name, string? databaseName = null)
    {
        var database = new MariaDbDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.AddDatabase(database);
        return server.ApplicationBuilder.AddResource(database);
    }
}
