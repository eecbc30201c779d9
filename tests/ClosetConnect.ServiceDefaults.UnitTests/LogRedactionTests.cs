using ClosetConnect.ServiceDefaults.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.ServiceDefaults.UnitTests;

public class LogRedactionTests
{
    private const string Jwt = "eyJhbGciOiJFUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz";
    private const string RefreshToken = "tuLdNGSVQkTN7uI-fiiGVB2auWxMmf-xtcytsczHeGA";

    [TestCase("login for ann.lee+x@example.co.kr failed", "login for [email] failed")]
    [TestCase("Authorization: Bearer abc.def-123", "Authorization: [redacted]")]
    [TestCase("sent Bearer abc.def-123 upstream", "sent Bearer [redacted] upstream")]
    [TestCase($"token {Jwt} rejected", "token [jwt] rejected")]
    [TestCase($"refresh {RefreshToken} reused", "refresh [token] reused")]
    [TestCase("{\"email\":\"x\",\"password\":\"Str0ng!Pass\"}", "{\"email\":\"x\",\"password\":\"[redacted]\"}")]
    [TestCase("GET /internal/users/01a20573-814c-7840-a472-a13f87162623/export", "GET /internal/users/usr_")]
    public void Free_text_is_scrubbed(string text, string expected) =>
        Assert.That(SensitiveDataRedactor.Redact(text), Does.StartWith(expected));

    [Test]
    public void Item_ids_trace_ids_and_blob_keys_stay_readable()
    {
        const string text = "Item 01a20573-d9b7-7034-8750-92a45d811ca9 at items/0123456789abcdef0123456789abcdef/x/original.png trace 00-5da0a6a36850afbd29153d41279954a5-16aa49bccbaaf0b8-01";
        Assert.That(SensitiveDataRedactor.Redact(text), Is.EqualTo(text));
    }

    [Test]
    public void A_user_id_becomes_a_stable_pseudonym()
    {
        var id = Guid.NewGuid();
        var first = SensitiveDataRedactor.RedactValue("UserId", id);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(SensitiveDataRedactor.RedactValue("ownerUserId", id.ToString())));
            Assert.That(first!.ToString(), Does.Match("^usr_[0-9a-f]{10}$"));
            Assert.That(first.ToString(), Does.Not.Contain(id.ToString()[..8]));
        });
    }

    [Test]
    public void Logged_values_and_messages_reach_the_sink_redacted()
    {
        var sink = new CapturingProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(sink).AddLogRedaction().SetMinimumLevel(LogLevel.Debug));
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("test");
        var userId = Guid.NewGuid();

        logger.LogInformation("User {UserId} signed in as {Email} with {RefreshToken}", userId, "ann@example.com", RefreshToken);
        logger.LogError(new InvalidOperationException("Duplicate entry 'ann@example.com' for key 'IX_Users_Email'"), "Save failed");

        var all = string.Join('\n', sink.Lines);
        Assert.Multiple(() =>
        {
            Assert.That(all, Does.Not.Contain(userId.ToString()));
            Assert.That(all, Does.Not.Contain("ann@example.com"));
            Assert.That(all, Does.Not.Contain(RefreshToken));
            Assert.That(all, Does.Contain(SensitiveDataRedactor.Pseudonym(userId.ToString())));
            Assert.That(all, Does.Contain("IX_Users_Email"), "the rest of the exception stays useful");
        });
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Lines);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lines.Add(formatter(state, exception));
                if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
                {
                    lines.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
                }

                if (exception is not null)
                {
                    lines.Add(exception.ToString());
                }
            }
        }
    }
}
