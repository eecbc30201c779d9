using System.Runtime.Versioning;

// The runner uses setsid, /proc, POSIX signals and Unix file modes: Linux only (like the servers it runs).
[assembly: SupportedOSPlatform("linux")]
