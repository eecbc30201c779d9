namespace ClosetConnect.Identity.Keys;

/// <summary>One P-256 public key as a JSON Web Key.</summary>
public sealed record PublicKey(string Kty, string Use, string Kid, string Alg, string Crv, string X, string Y);
