using ClosetConnect.Gateway.ApiDocs;
using ClosetConnect.Gateway.Extensions;
using ClosetConnect.Gateway.Health;
using ClosetConnect.Gateway.Routing;
using ClosetConnect.Gateway.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseEdgeSecurity();
app.UseMiddleware<RequestIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseEdgeLimits();

app.MapDefaultEndpoints();
app.MapServiceHealthApi();
app.MapApiDocs();
app.MapReverseProxy();

app.Run();

public partial class Program;
