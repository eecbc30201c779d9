global using ClosetConnect.Identity.Data;
global using ClosetConnect.Identity.Domain;
global using ClosetConnect.ServiceDefaults.Problems;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
