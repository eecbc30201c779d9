using ClosetConnect.Identity.Accounts;
using ClosetConnect.Identity.Extensions;
using ClosetConnect.Identity.Gdpr;
using ClosetConnect.Identity.Keys;
using ClosetConnect.Identity.Login;
using ClosetConnect.Identity.PasswordReset;
using ClosetConnect.Identity.Registration;
using ClosetConnect.Identity.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapRegistrationApi();
app.MapLoginApi();
app.MapTokensApi();
app.MapPasswordResetApi();
app.MapUsersApi();
app.MapGdprApi();
app.MapKeysApi();

app.Run();

public partial class Program;
