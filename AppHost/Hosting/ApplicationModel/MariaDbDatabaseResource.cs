using System.Text.RegularExpressions;

namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>
/// One database on a MariaDB server with its own least-privilege user: the user may do anything in this database
/// (migrations need DDL) and nothing anywhere else.
/// </summary>
public sealed partial class MariaDbDatabaseResource : Resource, IResourceWithConnectionString
{
    public MariaDbDatabaseResource(string name, string databaseName, MariaDbServerResource parent) : base(name)
    {
        // The name goes into SQL as an identifier; a strict pattern keeps quoting trivial and safe.
        if (!SqlIdentifier().IsMatch(databaseName))
        {
            throw new ArgumentException($"Database name '{databaseName}' is invalid: use letters, digits and '_'.", nameof(databaseName));
        }
        DatabaseName = databaseName;
        Parent = parent;
        UserName = $"{databaseName}_user";
        Password = new ParameterResource($"{name}-password");
        AddWaitFor(parent);
    }

    public override string ResourceType => "MariaDB database";

    public string DatabaseName { get; }

    public MariaDbServerResource Parent { get; }

    public string UserName { get; }

    public ParameterResource Password { get; }

    public string GetConnectionString() =>
        $"Server={EndpointAnnotation.Host};Port={Parent.PrimaryEndpoint.RequiredPort};User ID={UserName};Password={Password.RequiredValue};Database={DatabaseName}";

    [GeneratedRegex("^[A-Za-z0-9_]{1,48}$")]
    private static partial Regex SqlIdentifier();
}
