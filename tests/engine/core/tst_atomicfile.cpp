#include "engine/core/atomicfile.h"
#include "engine/core/exception.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace latentlens;

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void commitReplacesTarget();
    void abandonedWriteLeavesTargetAndNoTemporary();
    void missingFolderIsRefused();
};

void TestAtomicFile::commitReplacesTarget()
{
    QTemporaryDir dir;
    const auto target = dir.filePath("out.txt").toStdString();
    std::ofstream(target) << "old";
    {
        engine::AtomicFile file(target);
        QVERIFY(file.temporaryPath() != file.target());
        QCOMPARE(file.temporaryPath().parent_path(), file.target().parent_path());
        std::ofstream(file.temporaryPath()) << "new";
        file.commit();
    }
    std::ifstream in(target);
    std::string text;
    in >> text;
    QCOMPARE(text, std::string("new"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestAtomicFile::abandonedWriteLeavesTargetAndNoTemporary()
{
    QTemporaryDir dir;
    const auto target = dir.filePath("out.txt").toStdString();
    std::ofstream(target) << "old";
    {
        engine::AtomicFile file(target);
        std::ofstream(file.temporaryPath()) << "half";
    } // no commit: as if an exception had interrupted the write
    std::ifstream in(target);
    std::string text;
    in >> text;
    QCOMPARE(text, std::string("old"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestAtomicFile::missingFolderIsRefused()
{
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(
        engine::IoError, engine::AtomicFile(dir.filePath("nope/out.txt").toStdString()));
    QVERIFY_THROWS_EXCEPTION(engine::IoError, engine::AtomicFile(dir.path().toStdString()));
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
