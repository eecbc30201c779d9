using ClosetConnect.Identity.Apis;
using ClosetConnect.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapPasswordResetApi();
app.MapUsersApi();
app.MapAdminApi();
app.MapJwksApi();

app.Run();

public partial class Program;
