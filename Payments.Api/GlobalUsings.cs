global using ClosetConnect.Contracts.Events;
global using ClosetConnect.Payments.Data;
global using ClosetConnect.Payments.Domain;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
