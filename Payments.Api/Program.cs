using ClosetConnect.Payments.Apis;
using ClosetConnect.Payments.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapOrdersApi();
app.MapInternalApi();

app.Run();

public partial class Program;
