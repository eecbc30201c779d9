using ClosetConnect.Identity.Apis;
using ClosetConnect.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapUsersApi();
app.MapJwksApi();

app.Run();

public partial class Program;
