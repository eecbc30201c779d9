using ClosetConnect.ServiceDefaults.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class LogRedactionExtensions
{
    /// <summary>
    /// Every logger provider, whenever it was registered, is wrapped by <see cref="RedactingLoggerProvider"/>.
    /// (Provider-specific filter rules, such as <c>Logging:Console:LogLevel</c>, no longer match; use the global ones.)
    /// </summary>
    public static ILoggingBuilder AddLogRedaction(this ILoggingBuilder logging)
    {
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new LoggerFactory(
            services.GetServices<ILoggerProvider>().Select(provider => new RedactingLoggerProvider(provider)),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(),
            services.GetService<IExternalScopeProvider>())));
        return logging;
    }
}
