"""tf.gfile and tf.io.gfile over the local filesystem; expectations recorded on TensorFlow 2.21."""

from __future__ import annotations

import os
import pathlib

import pytest

from tfcompat.framework import errors
from tfcompat.platform import gfile
from tfcompat.platform import io_gfile as io


def raised(fn, *args, **kwargs):
    with pytest.raises(errors.OpError) as info:
        fn(*args, **kwargs)
    e = info.value
    assert (e.op, e.node_def) == (None, None)
    return type(e).__name__, e.message, e.error_code


@pytest.fixture
def root(tmp_path):
    return str(tmp_path)


def test_gfile_text_and_binary_io(root):
    path = os.path.join(root, "f.txt")
    with gfile.GFile(path, "w") as f:
        assert f.write("hello\nworld\n") is None
        assert f.tell() == 12
    assert gfile.GFile(path).read() == "hello\nworld\n"
    assert gfile.GFile(path, "rb").read() == b"hello\nworld\n"
    assert gfile.GFile(path).read(3) == "hel"
    assert gfile.GFile(path).readline() == "hello\n"
    assert gfile.GFile(path).readlines() == ["hello\n", "world\n"]
    assert list(gfile.GFile(path)) == ["hello\n", "world\n"]
    assert gfile.GFile(path).size() == 12
    assert (gfile.GFile(path).name, gfile.GFile(path, "rb").mode) == (path, "rb")
    f = gfile.GFile(path)
    assert f.seek(6) is None
    assert (f.read(), f.tell()) == ("world\n", 12)
    with gfile.Open(path, "a") as f:
        f.write(b"more")
    assert gfile.GFile(path).read() == "hello\nworld\nmore"
    with gfile.FastGFile(os.path.join(root, "h.bin"), "wb") as f:
        f.write("str in wb")
    assert gfile.GFile(os.path.join(root, "h.bin"), "rb").read() == b"str in wb"


def test_line_reading_drops_carriage_returns(root):
    path = os.path.join(root, "cr.txt")
    with open(path, "wb") as f:
        f.write(b"a\rb\r\nc\r\rd\nlast")
    f = gfile.GFile(path, "rb")
    assert [f.readline() for _ in range(4)] == [b"ab\n", b"cd\n", b"last", b""]
    assert gfile.GFile(path).read() == "a\rb\r\nc\r\rd\nlast"  # read() keeps them
    f = gfile.GFile(path)
    assert (f.read(2), f.readline(), f.tell()) == ("a\r", "b\n", 5)
    assert next(gfile.GFile(path)) == "ab\n"


def test_files_open_lazily_with_separate_read_and_write_handles(root):
    empty = os.path.join(root, "empty.txt")
    with gfile.GFile(empty, "w"):
        pass
    assert not os.path.exists(empty)  # nothing written, nothing created
    f = gfile.GFile(empty, "w")
    assert f.tell() == 0 and os.path.exists(empty)
    f.close()
    path = os.path.join(root, "f.txt")
    with open(path, "w") as out:
        out.write("abcdef")
    with gfile.GFile(path, "r+") as f:
        f.read(2)
        f.write("ZZ")
    assert open(path, "rb").read() == b"ZZ"  # a write truncates unless the mode appends
    with gfile.GFile(path, "w+") as f:
        f.write("hello")
        f.seek(0)
        assert f.read() == ""  # the reader does not see unflushed writes
    assert raised(gfile.GFile(path, "w").read) == (
        "PermissionDeniedError", "File isn't open for reading", 7)
    assert raised(gfile.GFile(path, "r").write, "x") == (
        "PermissionDeniedError", "File isn't open for writing", 7)
    assert raised(gfile.GFile, path, "x") == (
        "InvalidArgumentError", "mode is not 'r' or 'w' or 'a' or 'r+' or 'w+' or 'a+'", 3)


def test_read_errors(root):
    missing = os.path.join(root, "missing.txt")
    assert type(gfile.GFile(missing)).__name__ == "GFile"  # opening is lazy
    assert raised(gfile.GFile(missing).read) == (
        "NotFoundError", f"{missing}; No such file or directory", 5)
    assert raised(gfile.GFile(root).read) == (
        "FailedPreconditionError", f"{root}; Is a directory", 9)
    target = os.path.join(root, "nodir", "f.txt")
    assert raised(gfile.GFile(target, "w").write, "x") == (
        "NotFoundError", f"{target}; No such file or directory", 5)


def test_directories(root):
    d = os.path.join(root, "d")
    assert (gfile.Exists(d), gfile.IsDirectory(d)) == (False, False)
    assert raised(gfile.ListDirectory, d) == ("NotFoundError", f"Could not find directory {d}", 5)
    assert raised(gfile.MkDir, os.path.join(d, "a", "b")) == (
        "NotFoundError", f"{d}/a/b; No such file or directory", 5)
    gfile.MakeDirs(os.path.join(d, "a", "b"))
    gfile.MakeDirs(os.path.join(d, "a", "b"))
    gfile.MkDir(os.path.join(d, "a"))  # existing: fine
    gfile.MkDir(os.path.join(d, "c"))
    with gfile.GFile(os.path.join(d, "a", "f.txt"), "w") as f:
        f.write("x")
    file_path = os.path.join(d, "a", "f.txt")
    gfile.MkDir(file_path)  # existing, even as a file: fine
    assert sorted(gfile.ListDirectory(d)) == ["a", "c"]
    assert sorted(gfile.ListDirectory(d + "/")) == ["a", "c"]
    assert raised(gfile.ListDirectory, file_path) == (
        "NotFoundError", f"Could not find directory {file_path}", 5)
    assert raised(gfile.MkDir, file_path + "/x") == (
        "FailedPreconditionError", f"{file_path}/x; Not a directory", 9)
    assert raised(gfile.MakeDirs, file_path) == (
        "FailedPreconditionError", f"{file_path} is not a directory", 9)
    assert raised(gfile.MakeDirs, file_path + "/y") == (
        "FailedPreconditionError", f"{file_path} is not a directory", 9)
    assert gfile.IsDirectory(file_path) is False
    assert gfile.Exists(pathlib.Path(d)) and gfile.Exists(d.encode()) and not gfile.Exists("")
    assert raised(gfile.ListDirectory, "") == ("NotFoundError", "Could not find directory ", 5)


def test_copy_rename_remove_delete(root):
    src = os.path.join(root, "f.txt")
    with gfile.GFile(src, "w") as f:
        f.write("data")
    dst = os.path.join(root, "g.txt")
    gfile.Copy(src, dst)
    assert raised(gfile.Copy, src, dst) == ("AlreadyExistsError", "file already exists", 6)
    gfile.Copy(src, dst, overwrite=True)
    missing = os.path.join(root, "zz")
    assert raised(gfile.Copy, missing, os.path.join(root, "h.txt")) == (
        "NotFoundError", f"{missing}; No such file or directory", 5)
    target = os.path.join(root, "nodir", "x")
    assert raised(gfile.Copy, src, target) == (
        "NotFoundError", f"{target}; No such file or directory", 5)
    gfile.Rename(dst, os.path.join(root, "h.txt"))
    assert raised(gfile.Rename, src, os.path.join(root, "h.txt")) == (
        "AlreadyExistsError", "file already exists", 6)
    gfile.Rename(src, os.path.join(root, "h.txt"), overwrite=True)
    assert raised(gfile.Rename, missing, os.path.join(root, "i.txt")) == (
        "NotFoundError", f"{missing}; No such file or directory", 5)
    assert gfile.Stat(os.path.join(root, "h.txt")).length == 4
    gfile.Remove(os.path.join(root, "h.txt"))
    assert raised(gfile.Remove, os.path.join(root, "h.txt")) == (
        "NotFoundError", f"{root}/h.txt; No such file or directory", 5)
    sub = os.path.join(root, "sub")
    gfile.MakeDirs(os.path.join(sub, "deep"))
    gfile.GFile(os.path.join(sub, "deep", "x"), "w").write("x")
    assert raised(gfile.Remove, sub) == ("FailedPreconditionError", f"{sub}; Is a directory", 9)
    assert raised(gfile.Rename, os.path.join(sub, "deep"), sub, overwrite=True) == (
        "FailedPreconditionError", f"{sub}/deep; Directory not empty", 9)
    assert raised(gfile.DeleteRecursively, missing) == ("NotFoundError", f"{missing} not found", 5)
    gfile.DeleteRecursively(sub)
    assert not gfile.Exists(sub)


def test_stat(root):
    path = os.path.join(root, "f.txt")
    gfile.GFile(path, "w").write("x" * 16)
    stat = gfile.Stat(path)
    assert (type(stat).__name__, stat.length, stat.is_directory) == ("FileStatistics", 16, False)
    assert stat.mtime_nsec == int(os.stat(path).st_mtime) * 1_000_000_000  # whole seconds
    assert gfile.Stat(root).is_directory
    missing = os.path.join(root, "zz")
    assert raised(gfile.Stat, missing) == (
        "NotFoundError", f"{missing}; No such file or directory", 5)


def make_tree(root):
    for name in ("f.txt", "g.txt", ".hidden", "sub/a.txt", "sub/deep/b.txt"):
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").close()


def test_glob(root, monkeypatch):
    make_tree(root)
    listing = os.listdir(root)
    assert gfile.Glob(root + "/*") == [f"{root}/{name}" for name in listing]
    assert sorted(gfile.Glob(root + "/*.txt")) == [f"{root}/f.txt", f"{root}/g.txt"]
    assert gfile.Glob(root + "/f.tx?") == [f"{root}/f.txt"]
    assert gfile.Glob(root + "/*/*.txt") == [f"{root}/sub/a.txt"]
    assert gfile.Glob(root + "/**/*.txt") == [f"{root}/sub/a.txt"]  # ** is just *
    assert gfile.Glob(root + "/s*/deep") == [f"{root}/sub/deep"]
    assert gfile.Glob(root + "/[ef]*") == [f"{root}/f.txt"]
    assert gfile.Glob(root + "/sub/[!d]*") == [f"{root}/sub/a.txt"]
    assert gfile.Glob(root + "/s\\ub") == [f"{root}/sub"]
    assert gfile.Glob(root + "//sub/*.txt") == [f"{root}//sub/a.txt"]
    assert gfile.Glob(root + "/sub/") == [f"{root}/sub/"]
    assert gfile.Glob([root + "/f.txt", root + "/e*"]) == [f"{root}/f.txt"]
    assert gfile.Glob(root + "/zz*") == [] and gfile.Glob("/nonexistent/dir/*") == []
    assert gfile.Glob("file://" + root + "/f*") == [f"file://{root}/f.txt"]
    monkeypatch.chdir(root)
    assert sorted(gfile.Glob("*.txt")) == ["./f.txt", "./g.txt"]
    assert gfile.Glob("sub/*.txt") == ["sub/a.txt"]
    assert gfile.Glob("./sub/*.txt") == ["./sub/a.txt"]
    assert (gfile.Glob("f.txt"), gfile.Glob(""), gfile.Glob("sub")) == (["f.txt"], [], ["sub"])


def test_walk(root):
    make_tree(root)
    walked = [(path, sorted(dirs), sorted(files)) for path, dirs, files in gfile.Walk(root)]
    assert walked[0] == (root, ["sub"], [".hidden", "f.txt", "g.txt"])
    assert walked[1:] == [(f"{root}/sub", ["deep"], ["a.txt"]),
                          (f"{root}/sub/deep", [], ["b.txt"])]
    assert [p for p, _, _ in gfile.Walk(root, in_order=False)] == [
        f"{root}/sub/deep", f"{root}/sub", root]
    assert list(gfile.Walk(root + "/zz")) == [] and list(gfile.Walk(root + "/f.txt")) == []
    assert [p for p, _, _ in gfile.Walk(root + "/sub/")] == [f"{root}/sub/", f"{root}/sub/deep"]


def test_walk_reports_a_missing_top_to_onerror(root):
    # TF 2.21 calls onerror, then fails with UnboundLocalError; tfcompat just stops.
    seen = []
    assert list(io.walk(root + "/zz", onerror=seen.append)) == []
    assert [type(e).__name__ for e in seen] == ["NotFoundError"]


def test_schemes(root):
    make_tree(root)
    assert gfile.Exists("file://" + root + "/f.txt")
    assert sorted(gfile.ListDirectory("file://" + root)) == [".hidden", "f.txt", "g.txt", "sub"]
    for path in ("s3://bucket/x", "zz://bucket/x"):
        scheme = path.split(":")[0]
        assert raised(gfile.Exists, path) == (
            "UnimplementedError",
            f"File system scheme '{scheme}' not implemented (file: '{path}')", 12)


def test_io_gfile_names(root):
    d = os.path.join(root, "d")
    io.makedirs(d)
    io.mkdir(os.path.join(d, "c"))
    with io.GFile(os.path.join(d, "f"), "w") as f:
        f.write("x")
    io.copy(os.path.join(d, "f"), os.path.join(d, "g"))
    io.rename(os.path.join(d, "g"), os.path.join(d, "h"))
    assert sorted(io.listdir(d)) == ["c", "f", "h"]
    assert io.glob(os.path.join(d, "h")) == [os.path.join(d, "h")]
    assert io.isdir(d) and io.exists(os.path.join(d, "f"))
    assert io.stat(os.path.join(d, "f")).length == 1
    io.remove(os.path.join(d, "f"))
    assert [p for p, _, _ in io.walk(d)] == [d, os.path.join(d, "c")]
    io.rmtree(d)
    assert not io.exists(d)
    assert io.join("a", "b", "c") == "a/b/c"
    assert io.GFile is gfile.GFile


def test_registered_schemes_are_local_only():
    assert set(io.get_registered_schemes()) == {"", "file"}  # TF also has "ram" and "gs"
