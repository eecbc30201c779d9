using ClosetConnect.TossSimulator.Api;
using ClosetConnect.TossSimulator.Checkout;
using ClosetConnect.TossSimulator.Control;
using ClosetConnect.TossSimulator.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSimulatorServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseTossApiPipeline();

app.MapDefaultEndpoints();
app.MapTossPaymentsApi();
app.MapCheckout();
app.MapSimulatorControlApi();

app.Run();
