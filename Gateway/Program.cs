using ClosetConnect.Gateway.Extensions;
using ClosetConnect.Gateway.Health;
using ClosetConnect.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseMiddleware<RequestIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapServiceHealthApi();
app.MapReverseProxy();

app.Run();

public partial class Program;
