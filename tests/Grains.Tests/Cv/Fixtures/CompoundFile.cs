using System.Buffers.Binary;
using System.Text;

namespace SyncHire.Grains.Tests.Cv.Fixtures;

/// <summary>
/// Writes a minimal OLE compound file (version 3: header, one FAT sector, one directory sector) holding empty
/// streams with the given names. Office saves a password-protected .docx as such a file with "EncryptionInfo"
/// and "EncryptedPackage" streams; a Word 97-2003 .doc has a "WordDocument" stream.
/// </summary>
internal static class CompoundFile
{
    private const int SectorSize = 512;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    public static byte[] PasswordProtectedDocx() => WithStreams("EncryptionInfo", "EncryptedPackage");

    public static byte[] LegacyWordDocument() => WithStreams("WordDocument");

    private static byte[] WithStreams(params string[] names)
    {
        if (names.Length > 3)
            throw new ArgumentException("One directory sector holds the root and three streams.", nameof(names));
        var file = new byte[SectorSize * 3];

        var header = file.AsSpan(0, SectorSize);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 0x0003); // major version 3: 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE); // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);      // sector size 2^9
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);      // mini sector size 2^6
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1);      // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1);      // directory starts at sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);   // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain); // no extra DIFAT sectors
        for (var i = 0; i < 109; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + 4 * i)..], i == 0 ? 0 : FreeSector);

        var fat = file.AsSpan(SectorSize, SectorSize);
        for (var i = 0; i < SectorSize / 4; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], i switch { 0 => FatSector, 1 => EndOfChain, _ => FreeSector });

        // Siblings are a binary search tree ordered by name length, then name: sorted, each is the right sibling
        // of the one before.
        var ordered = names.OrderBy(n => n.Length).ThenBy(n => n.ToUpperInvariant(), StringComparer.Ordinal).ToArray();
        var directory = file.AsSpan(SectorSize * 2, SectorSize);
        WriteEntry(directory[..128], "Root Entry", type: 5, rightSibling: NoStream, child: ordered.Length > 0 ? 1u : NoStream);
        for (var i = 0; i < ordered.Length; i++)
            WriteEntry(directory.Slice(128 * (i + 1), 128), ordered[i], type: 2,
                rightSibling: i + 1 < ordered.Length ? (uint)(i + 2) : NoStream, child: NoStream);
        for (var i = ordered.Length + 1; i < 4; i++)
            WriteEntry(directory.Slice(128 * i, 128), "", type: 0, rightSibling: NoStream, child: NoStream);
        return file;
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type, uint rightSibling, uint child)
    {
        var encoded = Encoding.Unicode.GetBytes(name);
        encoded.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(name.Length == 0 ? 0 : encoded.Length + 2));
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], NoStream); // left sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], rightSibling);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], EndOfChain); // empty stream: no sectors
    }
}
