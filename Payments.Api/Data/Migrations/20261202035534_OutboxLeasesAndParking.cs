using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClosetConnect.Payments.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxLeasesAndParking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParkedAt",
                table: "OutboxMessages",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Refusals",
                table: "OutboxMessages",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TraceContext",
                table: "OutboxMessages",
                type: "text",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Rows still waiting keep their trace: the headers' JSON replaces the bare traceparent.
            migrationBuilder.Sql("UPDATE `OutboxMessages` SET `TraceContext` = JSON_OBJECT('traceparent', `TraceParent`) WHERE `TraceParent` IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "OutboxMessages");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ParkedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Refusals",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "TraceContext",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "OutboxMessages",
                type: "varchar(128)",
                maxLength: 128,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");
        }
    }
}
