using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Payments.Orders;

public sealed class OrderOptions
{
    public const string SectionName = "Orders";

    /// <summary>How long a listing stays reserved for an order that is not paid yet.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan ReservationTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The platform's fee on every sale, in percent.</summary>
    [Range(0, 50)]
    public decimal PlatformFeePercent { get; set; } = 10;

    /// <summary>Where Toss sends the buyer after paying, when the client names no <c>successUrl</c>.</summary>
    [Required]
    public Uri DefaultSuccessUrl { get; set; } = null!;

    /// <summary>Where Toss sends the buyer when paying failed or was cancelled, when the client names no <c>failUrl</c>.</summary>
    [Required]
    public Uri DefaultFailUrl { get; set; } = null!;
}
