using ClosetConnect.Identity.Apis;
using ClosetConnect.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
// Problem details everywhere; a malformed request body is the client's 400, not a 500 (Development throws it).
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = exception => exception is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapPasswordResetApi();
app.MapUsersApi();
app.MapAdminApi();
app.MapJwksApi();

app.Run();

public partial class Program;
