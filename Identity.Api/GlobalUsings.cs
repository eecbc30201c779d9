global using ClosetConnect.Identity.Application;
global using ClosetConnect.Identity.Domain;
global using ClosetConnect.Identity.Infrastructure;
global using ClosetConnect.ServiceDefaults.EventBus;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
