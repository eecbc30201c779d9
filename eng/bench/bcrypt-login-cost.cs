#:package BCrypt.Net-Next
// What a login costs in bcrypt at each work factor on this machine: one Verify (the login) and one HashPassword
// (registration, reset, or the re-hash after raising the cost). Run: dotnet run eng/bench/bcrypt-login-cost.cs
using System.Diagnostics;

const string password = "Str0ng!Passw0rd";
const int runs = 10;
Console.WriteLine($"bcrypt on {Environment.ProcessorCount} cores, {runs} runs each, median (min-max) ms");
foreach (var cost in new[] { 10, 11, 12, 13 })
{
    var hash = BCrypt.Net.BCrypt.HashPassword(password, cost); // warm-up, and the hash to verify
    var verify = Measure(() => BCrypt.Net.BCrypt.Verify(password, hash));
    var make = Measure(() => BCrypt.Net.BCrypt.HashPassword(password, cost));
    Console.WriteLine($"cost {cost}: login (verify) {verify}; hash {make}");
}

static string Measure(Action action)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return FormattableString.Invariant($"{times[runs / 2]:0} ({times[0]:0}-{times[^1]:0})");
}
