using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>
    /// A lock across processes on one checkout. Test projects run in parallel under
    /// <c>dotnet test RnnShapeAnalyzers.sln</c>, and two of them pack the same projects; two packs at once
    /// would write the same obj/ and bin/ folders.
    /// </summary>
    internal static class RepositoryLock
    {
        public static IDisposable Acquire(string name, TimeSpan timeout)
        {
            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepositoryLayout.Root)))[..16];
            var directory = Path.Combine(Path.GetTempPath(), "rnnshape-locks");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, key + "." + name + ".lock");
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                try
                {
                    // FileShare.None is an exclusive advisory lock on Unix too; the OS drops it if the
                    // process dies.
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(TimeSpan.FromMilliseconds(500));
                }
            }
        }
    }
}
