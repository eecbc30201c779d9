using ClosetConnect.Closet.Apis;
using ClosetConnect.Closet.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapItemsApi();
app.MapInternalApi();

app.Run();

public partial class Program;
