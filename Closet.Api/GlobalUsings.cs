global using ClosetConnect.Closet.Data;
global using ClosetConnect.Closet.Domain;
global using ClosetConnect.Contracts.Events;
global using ClosetConnect.EventBus;
global using ClosetConnect.ServiceDefaults.Problems;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
