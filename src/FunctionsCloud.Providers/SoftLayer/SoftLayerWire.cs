namespace FunctionsCloud.Providers.SoftLayer;

// SoftLayer's REST JSON, in camelCase on the wire (see SoftLayerNodeProvider.Json). Only the fields we use.

/// <summary>A SoftLayer_Virtual_Guest: provisioned once provisionDate is set and no transaction is active.</summary>
internal sealed record VirtualGuest(long Id, string Hostname, string? Domain, string? ProvisionDate, string? PrimaryIpAddress, GuestTransaction? ActiveTransaction);

internal sealed record GuestTransaction(long Id);

/// <summary>A guest to order through createObjects: hourly, on SAN disks, with its own user data.</summary>
internal sealed record GuestTemplate(
    string Hostname,
    string Domain,
    int StartCpus,
    int MaxMemory,
    bool HourlyBillingFlag,
    bool LocalDiskFlag,
    NamedObject Datacenter,
    string OperatingSystemReferenceCode,
    IReadOnlyList<BlockDevice> BlockDevices,
    IReadOnlyList<UserDataValue> UserData);

internal sealed record NamedObject(string Name);

internal sealed record BlockDevice(string Device, DiskImage DiskImage);

internal sealed record DiskImage(int Capacity);

internal sealed record UserDataValue(string Value);

/// <summary>A method's arguments: <c>{"parameters": [first, second, ...]}</c>.</summary>
internal sealed record MethodParameters(IReadOnlyList<object> Parameters);
