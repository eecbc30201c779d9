using ClosetConnect.Payments.Accounts;
using ClosetConnect.Payments.Checkout;
using ClosetConnect.Payments.Extensions;
using ClosetConnect.Payments.Ledger;
using ClosetConnect.Payments.Orders;
using ClosetConnect.Payments.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapOrdersApi();
app.MapCheckoutApi();
app.MapLedgerApi();
app.MapTossWebhooksApi();
app.MapInternalApi();

app.Run();

public partial class Program;
