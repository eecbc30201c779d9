using ClosetConnect.Closet.Data;
using ClosetConnect.Data;
using ClosetConnect.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace ClosetConnect.UnitTests.ServiceDefaults;

/// <summary>
/// A model that differs from its migrations' snapshot makes <c>Migrate()</c> throw at start (EF 9), so a changed
/// mapping (a column, a length, an index, a moved base class) must come with its migration. Compared without a server.
/// </summary>
public sealed class MigrationSnapshotTests
{
    private static IEnumerable<TestCaseData> Contexts()
    {
        yield return Case("Identity", () => new IdentityDbContext(Mapped<IdentityDbContext>()));
        yield return Case("Closet", () => new ClosetDbContext(Mapped<ClosetDbContext>()));
    }

    private static TestCaseData Case(string service, Func<DbContext> create) =>
        new TestCaseData(create).SetName($"{service}'s model matches its migrations");

    private static DbContextOptions<T> Mapped<T>()
        where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseMySql("Server=localhost", MariaDbVersion.Default).Options;

    [TestCaseSource(nameof(Contexts))]
    public void The_model_has_no_changes_its_migrations_lack(Func<DbContext> create)
    {
        using var context = create();
        Assert.That(context.Database.HasPendingModelChanges(), Is.False,
            $"{context.GetType().Name} differs from its model snapshot: add a migration (dotnet ef migrations add).");
    }
}
