#include "core/project/preset_library.h"

#include <QDir>
#include <QFile>

namespace mbq {

PresetLibrary compiledPresets(const std::string &family)
{
    PresetLibrary library;
    const QDir folder(QStringLiteral(":/presets"));
    // entryList() sorts by name, so the menu order is stable.
    for (const QString &name : folder.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        const QString path = folder.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            library.errors.push_back(
                makeError(ErrorCode::Io, path.toStdString() + ": cannot read the preset"));
            continue;
        }
        auto preset = parseInjectionPreset(file.readAll().toStdString(), path.toStdString());
        if (!preset)
            library.errors.push_back(preset.error());
        else if (family.empty() || preset->family == family)
            library.presets.push_back(std::move(*preset));
    }
    return library;
}

} // namespace mbq
