using ClosetConnect.Data;
using ClosetConnect.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace ClosetConnect.Identity.UnitTests;

/// <summary>
/// A model that differs from its migrations' snapshot makes <c>Migrate()</c> throw at start (EF 9), so a changed
/// mapping (a column, a length, an index, a moved base class) must come with its migration. Compared without a server.
/// </summary>
public sealed class MigrationSnapshotTests
{
    [Test]
    public void The_model_has_no_changes_its_migrations_lack()
    {
        using var context = new IdentityDbContext(new DbContextOptionsBuilder<IdentityDbContext>().UseMySql("Server=localhost", MariaDbVersion.Default).Options);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False, "add a migration (dotnet ef migrations add) for the model's change");
    }
}
