using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace ClosetConnect.Gateway.Routing;

/// <summary>
/// Resolves YARP destinations through Microsoft.Extensions.ServiceDiscovery (what the missing
/// Microsoft.Extensions.ServiceDiscovery.Yarp package does): <c>http://closet-api</c> becomes every endpoint
/// configured as <c>services:closet-api:http:*</c>, and YARP re-resolves when they change.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var uri = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(uri.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);
            for (var i = 0; i < source.Endpoints.Count; i++)
            {
                var address = ToAddress(source.Endpoints[i].EndPoint, uri);
                resolved[source.Endpoints.Count == 1 ? name : $"{name}[{i}]"] = destination with { Address = address };
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    private static string ToAddress(EndPoint endPoint, Uri original)
    {
        var authority = endPoint switch
        {
            UriEndPoint uriEndPoint => uriEndPoint.Uri.GetLeftPart(UriPartial.Authority),
            DnsEndPoint dns => $"{original.Scheme}://{dns.Host}:{dns.Port}",
            IPEndPoint ip => $"{original.Scheme}://{ip}",
            _ => throw new InvalidOperationException($"Unsupported endpoint {endPoint} for {original}."),
        };
        return authority + original.PathAndQuery.TrimEnd('/');
    }
}
