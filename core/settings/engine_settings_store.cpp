#include "core/settings/engine_settings_store.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace mbq {
namespace {

const QString kDevice = QStringLiteral("engine/device");
const QString kDtype = QStringLiteral("engine/dtype");
const QString kQBank = QStringLiteral("engine/qBankBytes");
const QString kQBankHost = QStringLiteral("engine/qBankHostBytes");
const QString kQBankFp8 = QStringLiteral("engine/qBankFp8");
const QString kQBankDisk = QStringLiteral("engine/qBankDiskBytes");
const QString kTrajectoryMemory = QStringLiteral("engine/trajectoryMemoryBytes");
const QString kTrajectoryDisk = QStringLiteral("engine/trajectoryDiskBytes");
const QString kCacheFolder = QStringLiteral("engine/cacheFolder");

} // namespace

QString defaultCacheFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("trajectories"));
}

EngineSettings defaultEngineSettings()
{
    EngineSettings engine;
    engine.cacheFolder = QDir::toNativeSeparators(defaultCacheFolder()).toStdString();
    return engine;
}

EngineSettings loadEngineSettings(const QSettings &settings)
{
    const EngineSettings d = defaultEngineSettings();
    const auto text = [&](const QString &key, const std::string &fallback) {
        return settings.value(key, QString::fromStdString(fallback)).toString().toStdString();
    };
    const auto bytes = [&](const QString &key, int64_t fallback) {
        return settings.value(key, qint64(fallback)).toLongLong();
    };
    EngineSettings engine;
    engine.device = text(kDevice, d.device);
    engine.dtype = text(kDtype, d.dtype);
    engine.qBankBytes = bytes(kQBank, d.qBankBytes);
    engine.qBankHostBytes = bytes(kQBankHost, d.qBankHostBytes);
    engine.qBankFp8 = settings.value(kQBankFp8, d.qBankFp8).toBool();
    engine.qBankDiskBytes = bytes(kQBankDisk, d.qBankDiskBytes);
    engine.trajectoryMemoryBytes = bytes(kTrajectoryMemory, d.trajectoryMemoryBytes);
    engine.trajectoryDiskBytes = bytes(kTrajectoryDisk, d.trajectoryDiskBytes);
    engine.cacheFolder = text(kCacheFolder, d.cacheFolder);
    return engine;
}

void saveEngineSettings(QSettings &settings, const EngineSettings &engine)
{
    settings.setValue(kDevice, QString::fromStdString(engine.device));
    settings.setValue(kDtype, QString::fromStdString(engine.dtype));
    settings.setValue(kQBank, qint64(engine.qBankBytes));
    settings.setValue(kQBankHost, qint64(engine.qBankHostBytes));
    settings.setValue(kQBankFp8, engine.qBankFp8);
    settings.setValue(kQBankDisk, qint64(engine.qBankDiskBytes));
    settings.setValue(kTrajectoryMemory, qint64(engine.trajectoryMemoryBytes));
    settings.setValue(kTrajectoryDisk, qint64(engine.trajectoryDiskBytes));
    settings.setValue(kCacheFolder, QString::fromStdString(engine.cacheFolder));
}

} // namespace mbq
