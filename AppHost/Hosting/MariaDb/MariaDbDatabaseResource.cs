using System.Text.RegularExpressions;

namespace ClosetConnect.AppHost.Hosting.MariaDb;

/// <summary>
/// One database on a MariaDB server with a user of its own, who may do anything in this database (migrations need
/// DDL) and nothing anywhere else. Healthy when that user can log in to it.
/// </summary>
public sealed partial class MariaDbDatabaseResource : Resource, IResourceWithParent<MariaDbServerResource>, IResourceWithConnectionString
{
    public MariaDbDatabaseResource(string name, string databaseName, MariaDbServerResource parent, ParameterResource password) : base(name)
    {
        // The name goes into SQL as an identifier; a strict pattern keeps quoting trivial and safe.
        if (!SqlIdentifier().IsMatch(databaseName))
        {
            throw new ArgumentException($"Database name '{databaseName}' is invalid: use letters, digits and '_'.", nameof(databaseName));
        }
        DatabaseName = databaseName;
        Parent = parent;
        PasswordParameter = password;
    }

    public string DatabaseName { get; }

    public string UserName => $"{DatabaseName}_user";

    public MariaDbServerResource Parent { get; }

    public ParameterResource PasswordParameter { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Server={Parent.PrimaryEndpoint.Property(EndpointProperty.Host)};Port={Parent.PrimaryEndpoint.Property(EndpointProperty.Port)};User ID={UserName};Password={PasswordParameter};Database={DatabaseName}");

    [GeneratedRegex("^[A-Za-z0-9_]{1,48}$")]
    private static partial Regex SqlIdentifier();
}
