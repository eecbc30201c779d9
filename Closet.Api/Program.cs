using ClosetConnect.Closet.Accounts;
using ClosetConnect.Closet.Extensions;
using ClosetConnect.Closet.Items;
using ClosetConnect.Closet.Listings;
using ClosetConnect.Closet.Market;
using ClosetConnect.Closet.Outfits;
using ClosetConnect.Closet.Purchases;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapItemsApi();
app.MapListingsApi();
app.MapOutfitsApi();
app.MapMarketApi();
app.MapInternalApi();
app.MapReservationsApi();

app.Run();

public partial class Program;
