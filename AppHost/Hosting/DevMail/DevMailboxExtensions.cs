using System.Globalization;
using System.Text;
using MimeKit;

namespace ClosetConnect.AppHost.Hosting;

public static class DevMailboxExtensions
{
    public const string NewestMailCommandName = "newest-mail";
    private const int MessagesShown = 5;

    /// <summary>
    /// The development mailbox: the service writes every message as an <c>.eml</c> file into <paramref name="folder"/>
    /// instead of sending it. The dashboard gets the folder as a link and a "Newest mail" command that shows the
    /// latest messages (verification codes, reset tokens) as a view of their own.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDevMailbox(this IResourceBuilder<ProjectResource> builder, string folder) =>
        builder.WithEnvironment("Email__PickupDirectory", folder)
            .WithUrl(new Uri(Path.TrimEndingDirectorySeparator(folder) + "/").AbsoluteUri, "Dev mailbox (folder)")
            .WithCommand(NewestMailCommandName, "Newest mail", async context =>
            {
                var messages = await NewestAsync(folder, context.CancellationToken);
                return messages.Count == 0
                    ? CommandResults.Success($"No mail in {folder} yet.")
                    : CommandResults.Success($"{messages.Count} newest of {Directory.GetFiles(folder, "*.eml").Length} messages in {folder}",
                        Markdown(messages), CommandResultFormat.Markdown);
            }, new CommandOptions
            {
                Description = "Show the newest messages of the development mailbox (codes, reset tokens).",
                IconName = "Mail",
            });

    private static async Task<IReadOnlyList<MimeMessage>> NewestAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var messages = new List<MimeMessage>();
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(MessagesShown))
        {
            messages.Add(await MimeMessage.LoadAsync(file.FullName, cancellationToken));
        }
        return messages;
    }

    private static string Markdown(IEnumerable<MimeMessage> messages)
    {
        var markdown = new StringBuilder();
        foreach (var message in messages)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"### {message.Subject}");
            markdown.AppendLine(CultureInfo.InvariantCulture, $"To {message.To} · {message.Date:yyyy-MM-dd HH:mm:ss zzz}");
            markdown.AppendLine();
            markdown.AppendLine("```");
            markdown.AppendLine(message.TextBody?.Trim());
            markdown.AppendLine("```");
        }
        return markdown.ToString();
    }
}
