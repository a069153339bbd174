#!/usr/bin/python3
"""Writes the German and Japanese texts for the studio's strings into translations/mbq_*.ts.

Run after `cmake --build build --target update_translations` has added new source strings:
it fills every string listed here and leaves the others marked unfinished (shown in English).
Keeping the texts here, keyed by context and source, survives lupdate rewriting the .ts files.

A string whose context is not listed here takes the text that the same source string has in the
other contexts, when they all agree (reported on stderr): lupdate names the context of a tr() in
a free function after the enclosing namespace, so fixing that in the sources moves strings into
new contexts without losing their texts.
"""
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))

TEXTS = {
    "main": {
        "Zero-shot motion transfer editor": (
            "Editor für Zero-Shot-Bewegungsübertragung",
            "ゼロショット・モーション転送エディタ"),
        "Project file to open (default: the demo project)": (
            "Zu öffnende Projektdatei (Standard: das Demoprojekt)",
            "開くプロジェクトファイル（既定: デモプロジェクト）"),
        "Save a PNG of the main window once shown, then quit.": (
            "Nach dem Anzeigen ein PNG des Hauptfensters speichern und beenden.",
            "メインウィンドウ表示後に PNG を保存して終了します。"),
        "User interface language: %1 (default: the system's)": (
            "Sprache der Oberfläche: %1 (Standard: die des Systems)",
            "表示言語: %1（既定: システムの言語）"),
        "Once the project is open, start a render or a sweep (render|sweep); with --screenshot "
        "the picture is taken after the render, or after the sweep's first cell.": (
            "Nach dem Öffnen des Projekts ein Rendering oder einen Sweep starten (render|sweep); "
            "mit --screenshot wird das Bild nach dem Rendering bzw. nach der ersten Zelle des "
            "Sweeps aufgenommen.",
            "プロジェクトを開いた後、レンダリングまたはスイープを開始します（render|sweep）。"
            "--screenshot を指定すると、レンダリングの完了後、またはスイープの最初のセルの完了後に"
            "画像を保存します。"),
    },
    "mbq::MainWindow": {
        "Cannot use the take's settings": (
            "Die Einstellungen des Takes können nicht übernommen werden",
            "テイクの設定を使用できません"),
        "Use as Source Clip": ("Als Quellclip verwenden", "ソースクリップとして使用"),
        "Cannot use the take as the source": (
            "Der Take kann nicht als Quelle verwendet werden", "テイクをソースとして使用できません"),
        "Source clip: %1, with its seed %2 for lockstep extraction": (
            "Quellclip: %1, mit seinem Seed %2 für die Extraktion im Gleichschritt",
            "ソースクリップ: %1（ロックステップ抽出用にシード %2 を使用）"),
        "Source clip: %1": ("Quellclip: %1", "ソースクリップ: %1"),
        "Cannot rename the take": ("Der Take kann nicht umbenannt werden", "テイクの名前を変更できません"),
        "Cannot remove the take": ("Der Take kann nicht entfernt werden", "テイクを削除できません"),
        "mbq projects (*.mbqproj);;All files (*)": (
            "mbq-Projekte (*.mbqproj);;Alle Dateien (*)",
            "mbq プロジェクト (*.mbqproj);;すべてのファイル (*)"),
        "Device: starting…": ("Gerät: wird gestartet…", "デバイス: 起動中…"),
        "Device: %1": ("Gerät: %1", "デバイス: %1"),
        "&File": ("&Datei", "ファイル(&F)"),
        "&Open…": ("Ö&ffnen…", "開く(&O)…"),
        "Open &Demo Project": ("&Demoprojekt öffnen", "デモプロジェクトを開く(&D)"),
        "&Save": ("&Speichern", "保存(&S)"),
        "Save &As…": ("Speichern &unter…", "名前を付けて保存(&A)…"),
        "&Quit": ("&Beenden", "終了(&Q)"),
        "&Edit": ("&Bearbeiten", "編集(&E)"),
        "&Undo": ("&Rückgängig", "元に戻す(&U)"),
        "&Redo": ("&Wiederholen", "やり直し(&R)"),
        "&Render": ("&Rendern", "レンダリング(&R)"),
        "Ctrl+R": ("Ctrl+R", "Ctrl+R"),
        "&View": ("&Ansicht", "表示(&V)"),
        "&Help": ("&Hilfe", "ヘルプ(&H)"),
        "&About Motion by Queries Studio": (
            "&Über Motion by Queries Studio", "Motion by Queries Studio について(&A)"),
        "Cannot open the demo project": (
            "Das Demoprojekt kann nicht geöffnet werden", "デモプロジェクトを開けません"),
        "Cannot open project": ("Projekt kann nicht geöffnet werden", "プロジェクトを開けません"),
        "Open Project": ("Projekt öffnen", "プロジェクトを開く"),
        "Cannot save project": ("Projekt kann nicht gespeichert werden", "プロジェクトを保存できません"),
        "Saved %1": ("%1 gespeichert", "%1 を保存しました"),
        "Save Project As": ("Projekt speichern unter", "名前を付けてプロジェクトを保存"),
        "Unsaved changes": ("Ungespeicherte Änderungen", "未保存の変更"),
        "%1 has unsaved changes. Save them first?": (
            "%1 hat ungespeicherte Änderungen. Zuerst speichern?",
            "%1 には未保存の変更があります。先に保存しますか？"),
        "Queued render %1": ("Rendern %1 eingereiht", "レンダリング %1 をキューに追加しました"),
        "About Motion by Queries Studio": (
            "Über Motion by Queries Studio", "Motion by Queries Studio について"),
        "<p>Build:</p>": ("<p>Build-Details:</p>", "<p>ビルド:</p>"),
        "<p><b>Motion by Queries Studio</b> %1</p><p>Zero-shot motion transfer: the self-attention "
        "queries of a source clip steer the motion of a new video that looks like its own prompt."
        "</p><p>Device: %2</p>": (
            "<p><b>Motion by Queries Studio</b> %1</p><p>Zero-Shot-Bewegungsübertragung: Die "
            "Self-Attention-Queries eines Quellclips steuern die Bewegung eines neuen Videos, das "
            "wie sein eigener Prompt aussieht.</p><p>Gerät: %2</p>",
            "<p><b>Motion by Queries Studio</b> %1</p><p>ゼロショット・モーション転送: ソース"
            "クリップのセルフアテンションのクエリが、独自のプロンプトどおりの見た目を持つ新しい動画の"
            "動きを導きます。</p><p>デバイス: %2</p>"),
        "Model: none chosen": ("Modell: keines gewählt", "モデル: 未選択"),
        "Model: loading %1…": ("Modell: %1 wird geladen…", "モデル: %1 を読み込み中…"),
        "%1[*] — Motion by Queries Studio": (
            "%1[*] — Motion by Queries Studio", "%1[*] — Motion by Queries Studio"),
        "Model: %1 (%2 layout, %3 parameters)": (
            "Modell: %1 (%2-Layout, %3 Parameter)", "モデル: %1（%2 レイアウト、%3 パラメータ）"),
        "%1B": ("%1 Mrd.", "%1B"),
        "%1M": ("%1 Mio.", "%1M"),
        "%1k": ("%1 Tsd.", "%1k"),
        "Choose &Model Folder…": ("&Modellordner wählen…", "モデルフォルダを選択(&M)…"),
        "Choose Model Folder": ("Modellordner wählen", "モデルフォルダを選択"),
        "Model: not loaded": ("Modell: nicht geladen", "モデル: 未読み込み"),
        "Video clips (*.mp4 *.mov *.mkv *.webm *.avi *.gif);;All files (*)": (
            "Videoclips (*.mp4 *.mov *.mkv *.webm *.avi *.gif);;Alle Dateien (*)",
            "動画クリップ (*.mp4 *.mov *.mkv *.webm *.avi *.gif);;すべてのファイル (*)"),
        "&New Project": ("&Neues Projekt", "新規プロジェクト(&N)"),
        "Open &Recent": ("&Zuletzt geöffnet", "最近使ったプロジェクト(&R)"),
        # The English File menu gives S to both Set Source Clip and Save, and M to both Choose
        # Model Folder and Model Manager; the translations use free letters instead.
        "Set &Source Clip…": ("&Quellclip festlegen…", "ソースクリップを設定(&C)…"),
        "Model &Manager…": ("Modell&verwaltung…", "モデルマネージャー(&G)…"),
        "&Export Take…": ("Take &exportieren…", "テイクを書き出し(&E)…"),
        "Ctrl+E": ("Ctrl+E", "Ctrl+E"),
        "&Preferences…": ("&Einstellungen…", "環境設定(&P)…"),
        "&Preview": ("&Vorschau", "プレビュー(&P)"),
        "Ctrl+Shift+R": ("Ctrl+Shift+R", "Ctrl+Shift+R"),
        "S&weep…": ("S&weep…", "スイープ(&W)…"),
        "&Playback": ("&Wiedergabe", "再生(&P)"),
        "Render": ("Rendern", "レンダリング"),
        "Inspector": ("Inspektor", "インスペクタ"),
        "Q Injection": ("Q-Injektion", "Q インジェクション"),
        "Timeline": ("Timeline", "タイムライン"),
        "Trade-off": ("Trade-off", "トレードオフ"),
        "Per Frame": ("Pro Bild", "フレーム別"),
        "Recover unsaved changes?": (
            "Ungespeicherte Änderungen wiederherstellen?", "未保存の変更を復元しますか？"),
        "%1 has changes that were not saved when the studio last closed. Recover them?": (
            "%1 enthält Änderungen, die beim letzten Schließen des Studios nicht gespeichert wurden. "
            "Wiederherstellen?",
            "%1 には、前回 Studio を閉じたときに保存されなかった変更があります。復元しますか？"),
        "Cannot recover": ("Wiederherstellung nicht möglich", "復元できません"),
        "Recovered unsaved changes; save to keep them": (
            "Ungespeicherte Änderungen wiederhergestellt; zum Behalten speichern",
            "未保存の変更を復元しました。残すには保存してください"),
        "Preferences not applied": (
            "Einstellungen nicht übernommen", "環境設定を適用できませんでした"),
        "The engine keeps its previous settings: %1": (
            "Die Engine behält ihre bisherigen Einstellungen: %1", "エンジンは以前の設定のままです: %1"),
        "Autosave failed: %1": ("Automatisches Speichern fehlgeschlagen: %1", "自動保存に失敗しました: %1"),
        # Caption under the Source pane of the compare view.
        "the motion reference": ("Bewegungsreferenz", "モーションの参照元"),
        "Current settings differ from %1 — Render or Preview to see them": (
            "Die aktuellen Einstellungen weichen von %1 ab — Rendern oder Vorschau zeigt sie",
            "現在の設定は %1 と異なります — 確認するにはレンダリングまたはプレビューしてください"),
        "Not a model folder": ("Kein Modellordner", "モデルフォルダではありません"),
        "Not a video clip": ("Kein Videoclip", "ビデオクリップではありません"),
        "Finished %1": ("%1 fertig", "%1 が完了しました"),
        "Show in Compare View": ("In der Vergleichsansicht zeigen", "比較ビューに表示"),
        "Use These Settings": ("Diese Einstellungen übernehmen", "この設定を使用"),
        "Rename…": ("Umbenennen…", "名前を変更…"),
        "Rename Take": ("Take umbenennen", "テイクの名前を変更"),
        "Name:": ("Name:", "名前:"),
        "Cancel Render": ("Rendern abbrechen", "レンダリングをキャンセル"),
        "Remove from Timeline": ("Aus der Timeline entfernen", "タイムラインから削除"),
        "Set Source Clip": ("Quellclip festlegen", "ソースクリップを設定"),
        "Queued %1": ("%1 eingereiht", "%1 をキューに追加しました"),
        "Preview at reduced settings: %1×%2, %3 frames, %4 steps": (
            "Vorschau mit reduzierten Einstellungen: %1×%2, %3 Bilder, %4 Schritte",
            "設定を下げてプレビュー: %1×%2、%3 フレーム、%4 ステップ"),
        "Queued a sweep of %n renders": (
            ["Sweep mit %n Rendering eingereiht", "Sweep mit %n Renderings eingereiht"],
            ["%n 件のレンダリングのスイープをキューに追加しました"]),
        "Nothing to export": ("Nichts zu exportieren", "書き出すものがありません"),
        "Render a take, or pick one on the timeline, first.": (
            "Zuerst einen Take rendern oder in der Timeline auswählen.",
            "先にテイクをレンダリングするか、タイムラインで選択してください。"),
    },
    "mbq::RenderJobDelegate": {
        "Queued": ("Eingereiht", "待機中"),
        "Cancelling…": ("Wird abgebrochen…", "キャンセル中…"),
        "Running": ("Läuft", "実行中"),
        "Done": ("Fertig", "完了"),
        "Failed": ("Fehlgeschlagen", "失敗"),
        "Cancelled": ("Abgebrochen", "キャンセル済み"),
        "Waiting for the render thread": (
            "Warte auf den Render-Thread", "レンダリングスレッドを待っています"),
        "Finished in %1": ("Fertig nach %1", "%1 で完了"),
        "%1 left": ("noch %1", "残り %1"),
    },
    # The pass a running job is in, as progress names it ("Source pass 3/10").
    "mbq::RenderPass": {
        "Load model": ("Modell laden", "モデル読み込み"),
        "Read source": ("Quelle lesen", "ソース読み込み"),
        "Encode source": ("Quelle kodieren", "ソースのエンコード"),
        "Invert source": ("Quelle invertieren", "ソースのインバージョン"),
        "Source pass": ("Quelldurchlauf", "ソースパス"),
        "Baseline": ("Baseline", "ベースライン"),
        "Render": ("Rendering", "レンダリング"),
        "Decode": ("Dekodieren", "デコード"),
        "Metrics": ("Metriken", "メトリクス"),
    },
    "mbq::RenderProgressIndicator": {
        "Cancel Render": ("Rendering abbrechen", "レンダリングをキャンセル"),
        "Stop the running render (Esc); finished steps are kept": (
            "Laufendes Rendering stoppen (Esc); fertige Schritte bleiben erhalten",
            "実行中のレンダリングを停止します（Esc）。完了したステップは保持されます"),
        "Cancel": ("Abbrechen", "キャンセル"),
        "%n more queued": (
            ["%n weiteres eingereiht", "%n weitere eingereiht"], ["ほか %n 件が待機中"]),
    },
    # The inspector's warning under a prompt the model's text encoder would cut.
    "mbq::PromptFit": {
        "This prompt is longer than the %1 tokens the model reads: the rest is cut.": (
            "Dieser Prompt ist länger als die %1 Tokens, die das Modell liest: der Rest wird "
            "abgeschnitten.",
            "このプロンプトはモデルが読み取る %1 トークンより長いため、超えた部分は切り捨てられます。"),
        "This prompt fills all %1 tokens the model reads: anything longer is cut.": (
            "Dieser Prompt füllt alle %1 Tokens, die das Modell liest: alles Weitere wird "
            "abgeschnitten.",
            "このプロンプトはモデルが読み取る %1 トークンをすべて使っています。これより長い部分は"
            "切り捨てられます。"),
    },
    # Names the engine reports in English, translated where they are shown.
    "mbq::EngineText": {
        "CPU (1 thread)": ("CPU (1 Thread)", "CPU（1 スレッド）"),
        "CPU (%n threads)": (["CPU (%n Thread)", "CPU (%n Threads)"], ["CPU（%n スレッド）"]),
        "official": ("offiziell", "公式"),
    },
    "mbq::RenderQueueDock": {
        "Render Queue": ("Render-Warteschlange", "レンダーキュー"),
        "Cancel": ("Abbrechen", "キャンセル"),
        "Retry": ("Wiederholen", "再試行"),
        "Clear Finished": ("Erledigte entfernen", "完了分を消去"),
        "Stop the selected job; finished steps are kept": (
            "Gewählten Auftrag stoppen; fertige Schritte bleiben erhalten",
            "選択したジョブを停止します。完了したステップは保持されます"),
        "Queue the selected job again": (
            "Gewählten Auftrag erneut einreihen", "選択したジョブを再度キューに追加します"),
        "Remove finished, failed and cancelled jobs from the list": (
            "Fertige, fehlgeschlagene und abgebrochene Aufträge aus der Liste entfernen",
            "完了・失敗・キャンセルしたジョブを一覧から削除します"),
        "Failed: %1": ("Fehlgeschlagen: %1", "失敗: %1"),
    },
    # Undo-command texts and refusals of the open project.
    "mbq::ProjectDocument": {
        'Add take "%1"': ("Take „%1“ hinzufügen", "テイク「%1」を追加"),
        'Remove take "%1"': ("Take „%1“ entfernen", "テイク「%1」を削除"),
        "Untitled": ("Unbenannt", "無題"),
        "The project has no file yet; choose where to save it.": (
            "Das Projekt hat noch keine Datei; bitte einen Speicherort wählen.",
            "このプロジェクトにはまだファイルがありません。保存先を選択してください。"),
        "Edit negative prompt": ("Negativ-Prompt bearbeiten", "ネガティブプロンプトを編集"),
        "Edit source prompt": ("Quell-Prompt bearbeiten", "ソースプロンプトを編集"),
        "Set seed to %1": ("Seed auf %1 setzen", "シードを %1 に設定"),
        "Lock seed": ("Seed sperren", "シードを固定"),
        "Unlock seed": ("Seed entsperren", "シードの固定を解除"),
        "Change generation settings": ("Generierungseinstellungen ändern", "生成設定を変更"),
        "A layer id is required.": ("Eine Layer-ID ist erforderlich.", "レイヤー ID が必要です。"),
        "The weight of %1 must be in [0, 1], got %2": (
            "Die Gewichtung von %1 muss in [0, 1] liegen, ist aber %2",
            "%1 の重みは [0, 1] の範囲内である必要があります（値: %2）"),
        "Set weight of %1 to %2": ("Gewichtung von %1 auf %L2 setzen", "%1 の重みを %L2 に設定"),
        "The weight of head %1 of %2 must be in [0, 1], got %3": (
            "Die Gewichtung von Head %1 in %2 muss in [0, 1] liegen, ist aber %3",
            "%2 のヘッド %1 の重みは [0, 1] の範囲内である必要があります（値: %3）"),
        "Set head weights of %1": ("Head-Gewichtungen von %1 setzen", "%1 のヘッドの重みを設定"),
        "The step range [%1, %2) is not valid.": (
            "Der Schrittbereich [%1, %2) ist ungültig.", "ステップ範囲 [%1, %2) は無効です。"),
        "Set steps %1–%2": ("Schritte %1–%2 setzen", "ステップを %1–%2 に設定"),
        "Set injection mode to %1": (
            "Injektionsmodus auf %1 setzen", "インジェクションモードを %1 に設定"),
        "The extraction timestep must be in [0, 1000], got %1": (
            "Der Extraktions-Zeitschritt muss in [0, 1000] liegen, ist aber %1",
            "抽出タイムステップは [0, 1000] の範囲内である必要があります（値: %1）"),
        "Set source extraction": ("Quellextraktion festlegen", "ソース抽出を設定"),
        "Set source seed %1": ("Quell-Seed %1 festlegen", "ソースのシードを %1 に設定"),
        '"%1" has no finished video to use as the source.': (
            "„%1“ hat kein fertiges Video, das als Quelle dienen kann.",
            "「%1」にはソースとして使える完成した動画がありません。"),
        'Use "%1" as the source': ("„%1“ als Quelle verwenden", "「%1」をソースとして使用"),
        "Clear source seed": ("Quell-Seed entfernen", "ソースのシードを解除"),
        "Inject into %1 guidance branches": (
            "In Guidance-Zweige injizieren: %1", "ガイダンス分岐への注入: %1"),
        "Clear token mask": ("Token-Maske löschen", "トークンマスクを消去"),
        "Paint token mask": ("Token-Maske malen", "トークンマスクを描画"),
        "Replace injection schedule": ("Injektionsplan ersetzen", "インジェクションスケジュールを置換"),
        "Set source clip": ("Quellclip festlegen", "ソースクリップを設定"),
        "Set model folder": ("Modellordner festlegen", "モデルフォルダを設定"),
        "There is no place %1 for a shot.": (
            "Es gibt keine Position %1 für einen Shot.", "ショットを位置 %1 に置くことはできません。"),
        "Shot duration": ("Shot-Dauer", "ショットの長さ"),
        "Add shot %1": ("Shot %1 hinzufügen", "ショット %1 を追加"),
        "There is no shot %1.": ("Es gibt keinen Shot %1.", "ショット %1 はありません。"),
        "A project keeps at least one shot.": (
            "Ein Projekt braucht mindestens einen Shot.",
            "プロジェクトには少なくとも 1 つのショットが必要です。"),
        "Remove shot %1": ("Shot %1 entfernen", "ショット %1 を削除"),
        "Edit target prompt": ("Ziel-Prompt bearbeiten", "ターゲットプロンプトを編集"),
        "Edit shot %1": ("Shot %1 bearbeiten", "ショット %1 を編集"),
        "A take needs an id.": ("Ein Take braucht eine ID.", "テイクには ID が必要です。"),
        "There is already a take with id %1.": (
            "Es gibt bereits einen Take mit der ID %1.", "ID %1 のテイクは既に存在します。"),
        "There is no take with id %1.": (
            "Es gibt keinen Take mit der ID %1.", "ID %1 のテイクはありません。"),
        'Rename take "%1" to "%2"': (
            "Take „%1“ in „%2“ umbenennen", "テイク「%1」の名前を「%2」に変更"),
        'Update take "%1"': ("Take „%1“ aktualisieren", "テイク「%1」を更新"),
        'Use the settings of "%1"': ("Einstellungen von „%1“ übernehmen", "「%1」の設定を使用"),
    },
    # Free functions in namespace mbq (lupdate names the context "mbq"; at runtime these are
    # mbq::Conform, mbq::Media, mbq::ProjectFile, mbq::ProjectFormat, mbq::ScheduleJson,
    # mbq::SettingsRules, mbq::LayerSelection, mbq::LayerGroups, mbq::TakeExport,
    # mbq::TakePresenter, mbq::JsonReader). JSON validation messages follow a field path and a
    # space ("settings.steps must be ..."), file messages follow "name: ".
    "mbq": {
        "%1: the frame rate and frame count must be positive": (
            "%1: Bildrate und Bildanzahl müssen positiv sein",
            "%1: フレームレートとフレーム数は正の値である必要があります"),
        "the source states no frame rate; assuming 25 fps": (
            "die Quelle gibt keine Bildrate an; 25 fps angenommen",
            "ソースにフレームレートの指定がないため、25 fps とみなします"),
        "%1: starts at %2 s but the clip is only %3 s long": (
            "%1: beginnt bei %L2 s, der Clip ist aber nur %L3 s lang",
            "%1: 開始位置は %L2 s ですが、クリップの長さは %L3 s しかありません"),
        "%1 frames snapped to %2 (the model takes 4n+1)": (
            "%1 Bilder auf %2 gerundet (das Modell verarbeitet 4n+1)",
            "%1 フレームを %2 に丸めました（モデルは 4n+1 フレームを扱います）"),
        "%1: needs %2 frames at %3 fps from %4 s but holds only %5; start earlier or lower the "
        "frame rate": (
            "%1: braucht %2 Bilder bei %L3 fps ab %L4 s, enthält aber nur %5; früher beginnen oder "
            "die Bildrate senken",
            "%1: %L4 s から %L3 fps で %2 フレームが必要ですが、%5 フレームしかありません。開始位置を"
            "早めるか、フレームレートを下げてください"),
        "the source holds only %1 frames at %2 fps; using %3": (
            "die Quelle enthält bei %L2 fps nur %1 Bilder; %3 werden verwendet",
            "ソースには %L2 fps で %1 フレームしかないため、%3 フレームを使用します"),
        "%1: the video has no frame size": (
            "%1: das Video hat keine Bildgröße", "%1: 動画にフレームサイズがありません"),
        "size %1×%2 snapped to %3×%4 (multiples of 16)": (
            "Größe %1×%2 auf %3×%4 gerundet (Vielfache von 16)",
            "サイズ %1×%2 を %3×%4 に丸めました（16 の倍数）"),
        "%1: empty conform plan": ("%1: leerer Conform-Plan", "%1: コンフォーム計画が空です"),
        "%1: decoded only %2 of the %3 frames the model needs": (
            "%1: nur %2 der %3 vom Modell benötigten Bilder dekodiert",
            "%1: モデルに必要な %3 フレームのうち %2 フレームしかデコードできませんでした"),
        "%1: the file held %2 frames where %3 were planned; using %4": (
            "%1: die Datei enthielt %2 statt der geplanten %3 Bilder; %4 werden verwendet",
            "%1: ファイルのフレーム数は %2 でした（予定は %3）。%4 フレームを使用します"),
        "Cannot export to %1: no such folder": (
            "Export nach %1 nicht möglich: Ordner existiert nicht",
            "%1 に書き出せません: フォルダが存在しません"),
        "Cannot export %1: the clip has no frames": (
            "%1 kann nicht exportiert werden: der Clip hat keine Bilder",
            "%1 を書き出せません: クリップにフレームがありません"),
        "Cannot write %1: %2": ("%1 kann nicht geschrieben werden: %2", "%1 を書き込めません: %2"),
        "the disk is full": ("der Datenträger ist voll", "ディスクがいっぱいです"),
        "permission denied": ("Zugriff verweigert", "アクセスが拒否されました"),
        "the file would exceed the largest size allowed here": (
            "die Datei würde die hier zulässige Höchstgröße überschreiten",
            "ファイルがこの場所で許可される最大サイズを超えます"),
        "Cannot write %1: the clip has no frames": (
            "%1 kann nicht geschrieben werden: der Clip hat keine Bilder",
            "%1 を書き込めません: クリップにフレームがありません"),
        # JSON value types, the %2 of JsonReader's "must be %1, got %2".
        "null": ("null", "null"),
        "a boolean": ("ein Wahrheitswert", "ブール値"),
        "a number": ("eine Zahl", "数値"),
        "a string": ("ein String", "文字列"),
        "an array": ("ein Array", "配列"),
        "an object": ("ein Objekt", "オブジェクト"),
        "nothing": ("nichts", "値なし"),
        "%1: no such file": ("%1: Datei nicht gefunden", "%1: ファイルが見つかりません"),
        "%1: is a folder, not a project file": (
            "%1: ist ein Ordner, keine Projektdatei", "%1: プロジェクトファイルではなくフォルダです"),
        "%1: is %2 MiB, larger than any project (limit %3 MiB)": (
            "%1: ist %2 MiB groß, größer als jedes Projekt (Grenze %3 MiB)",
            "%1: %2 MiB あり、プロジェクトとしては大きすぎます（上限 %3 MiB）"),
        "%1: cannot read: %2": ("%1: kann nicht gelesen werden: %2", "%1: 読み込めません: %2"),
        "Cannot save %1: %2": ("%1 kann nicht gespeichert werden: %2", "%1 を保存できません: %2"),
        'must be one of %1, got "%2"': (
            "muss eines von %1 sein, ist aber „%2“", "は %1 のいずれかである必要があります（値: 「%2」）"),
        "must hold at least one shot": (
            "muss mindestens einen Shot enthalten", "には少なくとも 1 つのショットが必要です"),
        "must not be empty": ("darf nicht leer sein", "は空にできません"),
        'must be an ISO 8601 date and time, got "%1"': (
            "muss ein Datum mit Uhrzeit nach ISO 8601 sein, ist aber „%1“",
            "は ISO 8601 形式の日時である必要があります（値: 「%1」）"),
        "cannot upgrade from format_version %1": (
            "Aktualisierung von format_version %1 nicht möglich",
            "format_version %1 からはアップグレードできません"),
        "is %1 MiB, larger than any project (limit %2 MiB)": (
            "ist %1 MiB groß, größer als jedes Projekt (Grenze %2 MiB)",
            "%1 MiB あり、プロジェクトとしては大きすぎます（上限 %2 MiB）"),
        "is empty": ("ist leer", "空です"),
        "is not valid JSON: %1 at line %2, column %3": (
            "ist kein gültiges JSON: %1 in Zeile %2, Spalte %3",
            "有効な JSON ではありません: %1（%2 行 %3 列）"),
        "must hold a JSON object at the top level": (
            "muss auf oberster Ebene ein JSON-Objekt enthalten",
            "トップレベルが JSON オブジェクトである必要があります"),
        'is not an mbq project (app is "%1")': (
            "ist kein mbq-Projekt (app ist „%1“)", "mbq プロジェクトではありません（app: 「%1」）"),
        "was made by a newer mbq (format_version %1; this version reads up to %2). Update mbq to "
        "open it.": (
            "wurde mit einem neueren mbq erstellt (format_version %1; diese Version liest bis %2). "
            "Zum Öffnen mbq aktualisieren.",
            "より新しい mbq で作成されています（format_version %1。このバージョンで読めるのは %2 "
            "までです）。開くには mbq を更新してください。"),
        "format_version must be >= 0, got %1": (
            "format_version muss >= 0 sein, ist aber %1",
            "format_version は 0 以上である必要があります（値: %1）"),
        '%1.id repeats take id "%2"': (
            "%1.id wiederholt die Take-ID „%2“", "%1.id でテイク ID「%2」が重複しています"),
        "must be in [0, 1], got %1": (
            "muss in [0, 1] liegen, ist aber %1", "は [0, 1] の範囲内である必要があります（値: %1）"),
        "is missing": ("fehlt", "がありません"),
        'repeats layer "%1"': ("wiederholt Layer „%1“", "でレイヤー「%1」が重複しています"),
        "must be >= 0, got %1": ("muss >= 0 sein, ist aber %1", "は 0 以上である必要があります（値: %1）"),
        "must be >= step_begin (%1), got %2": (
            "muss >= step_begin (%1) sein, ist aber %2",
            "は step_begin（%1）以上である必要があります（値: %2）"),
        "must be in [0, 1000], got %1": (
            "muss in [0, 1000] liegen, ist aber %1",
            "は [0, 1000] の範囲内である必要があります（値: %1）"),
        "must be base64-encoded bytes": (
            "muss base64-kodierte Bytes enthalten", "は base64 でエンコードされたバイト列である必要があります"),
        "%1 or %2": ("%1 oder %2", "%1 または %2"),
        "%1 must be a positive multiple of %2 up to %3, got %4; nearest valid: %5": (
            "%1 muss ein positives Vielfaches von %2 bis höchstens %3 sein, ist aber %4; nächster "
            "gültiger Wert: %5",
            "%1 は %3 以下の %2 の正の倍数である必要があります（値: %4）。最も近い有効な値: %5"),
        # A family's frame rule: %2n+%3 with its first three counts, e.g. "4n+1 frames (1, 5,
        # 9, ... up to 1001)" for Wan2.1; VideoCrafter2 takes any count.
        "%1 must be %2n+%3 frames (%4, %5, %6, ... up to %7), got %8; nearest valid: %9": (
            "%1 muss %2n+%3 Bilder betragen (%4, %5, %6, ... bis %7), ist aber %8; nächster "
            "gültiger Wert: %9",
            "%1 は %2n+%3 フレーム（%4, %5, %6, ... %7 まで）である必要があります（値: %8）。"
            "最も近い有効な値: %9"),
        "%1 must be a frame count from 1 up to %2, got %3; nearest valid: %4": (
            "%1 muss eine Bildanzahl von 1 bis %2 sein, ist aber %3; nächster gültiger Wert: %4",
            "%1 は 1 から %2 までのフレーム数である必要があります（値: %3）。最も近い有効な値: %4"),
        # %1 is a JSON path prefix such as "settings."; the key names stay as written.
        "%1fps must be in (0, 240], got %2": (
            "%1fps muss in (0, 240] liegen, ist aber %2",
            "%1fps は (0, 240] の範囲内である必要があります（値: %2）"),
        "%1steps must be in [1, %2], got %3": (
            "%1steps muss in [1, %2] liegen, ist aber %3",
            "%1steps は [1, %2] の範囲内である必要があります（値: %3）"),
        "%1guidance must be >= 0, got %2": (
            "%1guidance muss >= 0 sein, ist aber %2", "%1guidance は 0 以上である必要があります（値: %2）"),
        "%1shift must be > 0, got %2": (
            "%1shift muss > 0 sein, ist aber %2", "%1shift は 0 より大きい必要があります（値: %2）"),
        # Panel labels burned into a side-by-side export.
        "source": ("Quelle", "ソース"),
        "injected": ("injiziert", "注入あり"),
        "baseline": ("Baseline", "ベースライン"),
        "Layer %1 does not exist: the model has no layers.": (
            "Layer %1 existiert nicht: Das Modell hat keine Layer.",
            "レイヤー %1 は存在しません: モデルにレイヤーがありません。"),
        "Layer %1 does not exist: the model has %2 layers (0-%3).": (
            "Layer %1 existiert nicht: Das Modell hat %2 Layer (0-%3).",
            "レイヤー %1 は存在しません: モデルのレイヤーは %2 個です（0-%3）。"),
        'Unknown layer "%1" for this model.': (
            "Unbekannter Layer „%1“ für dieses Modell.", "このモデルに「%1」というレイヤーはありません。"),
        "The range %1 is reversed; write %2-%3.": (
            "Der Bereich %1 ist vertauscht; stattdessen %2-%3 eingeben.",
            "範囲 %1 は逆順です。%2-%3 と入力してください。"),
        # U-Net levels and layer kinds: the tabs and group titles of the injection panel.
        "Middle": ("Mitte", "ミドル"),
        "Down %1": ("Abwärts %1", "ダウン %1"),
        "Up %1": ("Aufwärts %1", "アップ %1"),
        "Layers": ("Layer", "レイヤー"),
        "Spatial": ("Räumlich", "空間"),
        "Temporal": ("Zeitlich", "時間"),
        "layers %1\nsteps %2–%3 of %4 · %5\nseed %6": (
            "Layer %1\nSchritte %2–%3 von %4 · %5\nSeed %6",
            "レイヤー %1\nステップ %2–%3（全 %4）· %5\nシード %6"),
        "motion fidelity": ("Bewegungstreue", "モーション忠実度"),
        "identity leak": ("Identitäts-Leak", "アイデンティティ漏れ"),
        "warp error": ("Warp-Fehler", "ワープ誤差"),
    },
    "mbq::av": {
        "%1: no such file": ("%1: Datei nicht gefunden", "%1: ファイルが見つかりません"),
        "%1: is a folder, not a video": ("%1: ist ein Ordner, kein Video", "%1: 動画ではなくフォルダです"),
        "%1: is empty": ("%1: ist leer", "%1: 空です"),
        "%1: out of memory": ("%1: nicht genügend Arbeitsspeicher", "%1: メモリ不足です"),
        "%1: cannot read: %2": ("%1: kann nicht gelesen werden: %2", "%1: 読み込めません: %2"),
        "%1: not a video file FFmpeg can read (%2)": (
            "%1: keine Videodatei, die FFmpeg lesen kann (%2)",
            "%1: FFmpeg で読み込める動画ファイルではありません（%2）"),
        "%1: cannot read the streams: %2": (
            "%1: Streams können nicht gelesen werden: %2", "%1: ストリームを読み込めません: %2"),
        "%1: contains no video stream": (
            "%1: enthält keinen Videostream", "%1: 動画ストリームがありません"),
        "%1: this FFmpeg has no decoder for %2": (
            "%1: dieses FFmpeg hat keinen Decoder für %2", "%1: この FFmpeg には %2 のデコーダがありません"),
        "%1: the video has no frame size": (
            "%1: das Video hat keine Bildgröße", "%1: 動画にフレームサイズがありません"),
        "%1: cannot open the %2 decoder: %3": (
            "%1: der %2-Decoder kann nicht geöffnet werden: %3", "%1: %2 デコーダを開けません: %3"),
    },
    "mbq::ClipPane": {
        "In progress": ("In Arbeit", "処理中"),
        "Loading %1…": ("%1 wird geladen…", "%1 を読み込み中…"),
        "Cannot show this clip:\n%1": (
            "Dieser Clip kann nicht angezeigt werden:\n%1", "このクリップを表示できません:\n%1"),
        "Ended at frame %1": ("Endet bei Bild %1", "フレーム %1 で終了"),
        "Partly read": ("Teilweise gelesen", "一部のみ読み込み済み"),
    },
    "mbq::CompareView": {
        "A/B Wipe": ("A/B-Wipe", "A/B ワイプ"),
        "Source": ("Quelle", "ソース"),
        "No source clip": ("Kein Quellclip", "ソースクリップなし"),
        "Injected": ("Injiziert", "注入あり"),
        "Not rendered yet": ("Noch nicht gerendert", "未レンダリング"),
        "Baseline (no injection)": ("Baseline (ohne Injektion)", "ベースライン（注入なし）"),
        "No baseline rendered yet": ("Noch keine Baseline gerendert", "ベースラインは未レンダリングです"),
        "Show two panes in one view, split by a movable divider": (
            "Zwei Ansichten in einer zeigen, getrennt durch einen verschiebbaren Teiler",
            "2 つのペインを、移動できる境界線で分割して 1 つのビューに表示します"),
        "Left of the divider": ("Links vom Teiler", "境界線の左側"),
        "Right of the divider": ("Rechts vom Teiler", "境界線の右側"),
        "A:": ("A:", "A:"),
        "B:": ("B:", "B:"),
        "fidelity %1 · leak %2": ("Treue %1 · Leak %2", "忠実度 %1 · 漏れ %2"),
        # Not extracted by lupdate yet (ui/compare/clip_frames.cpp calls a translate() helper).
        "Showing the first %1 frames: the rest would not fit in memory": (
            "Die ersten %1 Bilder werden gezeigt: Der Rest passt nicht in den Speicher",
            "最初の %1 フレームを表示しています: 残りはメモリに収まりません"),
        "%1: no frame could be decoded": (
            "%1: Es konnte kein Bild dekodiert werden", "%1: デコードできたフレームがありません"),
    },
    # The parts of ConformPlan's one-line summary, joined as written.
    "mbq::ConformPlan": {
        "%1 of %2 frames from %3 s, ": ("%1 von %2 Bildern ab %L3 s, ", "%2 フレーム中 %1 フレーム（%L3 s から）、"),
        "?": ("?", "?"),
        "%1→%2 fps, ": ("%L1→%L2 fps, ", "%L1→%L2 fps、"),
        "%1 fps, ": ("%L1 fps, ", "%L1 fps、"),
        " → scale %1×%2": (" → skalieren auf %1×%2", " → スケール %1×%2"),
        " → crop %1×%2": (" → beschneiden auf %1×%2", " → クロップ %1×%2"),
        " → pad %1×%2": (" → auffüllen auf %1×%2", " → パディング %1×%2"),
    },
    "mbq::Enum": {
        'must be one of %1, got "%2"': (
            "muss eines von %1 sein, ist aber „%2“", "は %1 のいずれかである必要があります（値: 「%2」）"),
    },
    "mbq::ExportDialog": {
        "MP4, H.264 (plays everywhere)": ("MP4, H.264 (läuft überall)", "MP4, H.264（どこでも再生可能）"),
        "MP4, H.265 (smaller)": ("MP4, H.265 (kleiner)", "MP4, H.265（小さいファイル）"),
        "MKV, FFV1 (lossless RGB)": ("MKV, FFV1 (verlustfreies RGB)", "MKV, FFV1（ロスレス RGB）"),
        "Side by side: source | injected | baseline": (
            "Nebeneinander: Quelle | injiziert | Baseline", "横並び: ソース | 注入あり | ベースライン"),
        "Store the render parameters in the file": (
            "Render-Parameter in der Datei speichern", "レンダリングパラメータをファイルに保存"),
        "Export": ("Exportieren", "書き出し"),
        "Export %1": ("%1 exportieren", "%1 を書き出し"),
        "Lower is better quality and larger files; 18 looks lossless to most": (
            "Niedriger ergibt bessere Qualität und größere Dateien; 18 wirkt für die meisten "
            "verlustfrei",
            "値が小さいほど高画質でファイルが大きくなります。18 ならほとんどの人には劣化が見えません"),
        "…": ("…", "…"),
        "&Format:": ("&Format:", "形式(&F):"),
        "&Quality (CRF):": ("&Qualität (CRF):", "品質（CRF）(&Q):"),
        "&Speed preset:": ("&Tempo-Preset:", "速度プリセット(&S):"),
        "Fi&le:": ("&Datei:", "ファイル(&L):"),
        "Export To": ("Exportieren nach", "書き出し先"),
        "Exporting %1…": ("%1 wird exportiert…", "%1 を書き出し中…"),
        "Wrote %1": ("%1 geschrieben", "%1 を書き出しました"),
    },
    "mbq::FrameCurvesPlot": {
        "Frame": ("Bild", "フレーム"),
        "Per-frame value": ("Wert pro Bild", "フレームごとの値"),
        "No per-frame metrics yet": ("Noch keine Metriken pro Bild", "フレームごとのメトリクスはまだありません"),
    },
    "mbq::InjectionPanel": {
        "Injected: %1": ("Injiziert: %1", "注入: %1"),
        "Set": ("Setzen", "設定"),
        "None: the clip is inverted": (
            "Keiner: der Clip wird invertiert", "なし: クリップを反転（インバージョン）します"),
        "If the source clip is this model's render, the seed it was rendered with: the source "
        "then walks from that seed's noise and matches the clip exactly. Leave it empty for any "
        "other clip, which is inverted first (slower, approximate)": (
            "Ist der Quellclip ein Rendering dieses Modells, der Seed, mit dem er gerendert wurde: "
            "Die Quelle geht dann vom Rauschen dieses Seeds aus und trifft den Clip genau. Für "
            "jeden anderen Clip leer lassen; er wird zuerst invertiert (langsamer, angenähert)",
            "ソースクリップがこのモデルでレンダリングしたものなら、そのときのシード。ソースはその"
            "シードのノイズから進み、クリップと正確に一致します。ほかのクリップでは空欄のままに"
            "してください。先に反転（インバージョン）します（低速で近似）"),
        "Source see&d": ("Quell-See&d", "ソースのシード(&D)"),
        "Start from Preset": ("Mit Preset beginnen", "プリセットから開始"),
        "Published settings per model: starting points to tune from": (
            "Veröffentlichte Einstellungen je Modell: Ausgangspunkte zum Feinabstimmen",
            "モデルごとに公開されている設定: 調整の出発点です"),
        "Injected steps": ("Injizierte Schritte", "注入ステップ"),
        "e.g. 20-29": ("z. B. 20-29", "例: 20-29"),
        'Layers to select: positions in network order ("20-29", "3,7"), layer ids, or "all"; '
        'press Enter': (
            "Auszuwählende Layer: Positionen in Netzwerkreihenfolge („20-29“, „3,7“), Layer-IDs "
            "oder „all“; mit der Eingabetaste bestätigen",
            "選択するレイヤー: ネットワーク順の位置（「20-29」「3,7」）、レイヤー ID、または「all」。"
            "Enter キーで確定します"),
        "Weight for the selected layers": (
            "Gewichtung für die ausgewählten Layer", "選択したレイヤーの重み"),
        "Give every selected layer this weight": (
            "Allen ausgewählten Layern diese Gewichtung geben", "選択したすべてのレイヤーにこの重みを設定します"),
        "&Layers": ("&Layer", "レイヤー(&L)"),
        "&Replace": ("&Ersetzen", "置換(&R)"),
        "Use the source's queries instead of the target's (the paper's setting at weight 1)": (
            "Die Queries der Quelle statt der des Ziels verwenden (bei Gewichtung 1 die Einstellung "
            "aus dem Paper)",
            "ターゲットのクエリの代わりにソースのクエリを使います（重み 1 で論文と同じ設定）"),
        "&Blend": ("&Mischen", "ブレンド(&B)"),
        "Mix source and target queries by the layer weight": (
            "Queries von Quelle und Ziel gemäß der Layer-Gewichtung mischen",
            "レイヤーの重みに応じてソースとターゲットのクエリを混ぜます"),
        "Single pass": ("Einzelner Durchlauf", "シングルパス"),
        "Per step": ("Pro Schritt", "ステップごと"),
        "Lockstep": ("Im Gleichschritt", "ロックステップ"),
        "How the source's queries are captured: one pass at one timestep, reused for every step; "
        "one pass per injected step; or alongside the target, step by step": (
            "Wie die Queries der Quelle erfasst werden: ein Durchlauf bei einem Zeitschritt, für "
            "jeden Schritt wiederverwendet; ein Durchlauf pro injiziertem Schritt; oder Schritt für "
            "Schritt parallel zum Ziel",
            "ソースのクエリの取得方法: 1 つのタイムステップで 1 回だけ処理してすべてのステップで再利用、"
            "注入するステップごとに 1 回処理、またはターゲットと並行して 1 ステップずつ処理"),
        "t = ": ("t = ", "t = "),
        "Timestep of the single source pass (0 = clean, 1000 = pure noise)": (
            "Zeitschritt des einzelnen Quelldurchlaufs (0 = rauschfrei, 1000 = reines Rauschen)",
            "シングルパスでソースを処理するタイムステップ（0 = ノイズなし、1000 = 完全なノイズ）"),
        "Mode": ("Modus", "モード"),
        "&Extraction": ("E&xtraktion", "抽出(&E)"),
        "%1: layer %2 in network order (type %2 under Layers)": (
            "%1: Layer %2 in Netzwerkreihenfolge (unter „Layer“ %2 eingeben)",
            "%1: ネットワーク順でレイヤー %2（「レイヤー」欄に %2 と入力）"),
        "Starting points": ("Ausgangspunkte", "出発点"),
        "No presets for this model": ("Keine Presets für dieses Modell", "このモデル用のプリセットはありません"),
        "Apply preset %1": ("Preset %1 anwenden", "プリセット %1 を適用"),
        "Mute %1": ("%1 stummschalten", "%1 をミュート"),
        "Unmute %1": ("Stummschaltung von %1 aufheben", "%1 のミュートを解除"),
        "Unsolo %1": ("Solo von %1 aufheben", "%1 のソロを解除"),
        "Solo %1": ("%1 solo schalten", "%1 をソロ"),
        "Select layers first: type a band such as 20-29, or tick rows.": (
            "Zuerst Layer auswählen: einen Bereich wie 20-29 eingeben oder Zeilen abhaken.",
            "先にレイヤーを選択してください: 20-29 のような範囲を入力するか、行にチェックを入れます。"),
        "Set all layers to %1": ("Alle Layer auf %1 setzen", "すべてのレイヤーを %1 に設定"),
        "Set layer %1 to %2": ("Layer %1 auf %2 setzen", "レイヤー %1 を %2 に設定"),
        "Set layers %1 to %2": ("Layer %1 auf %2 setzen", "レイヤー %1 を %2 に設定"),
    },
    "mbq::Inspector": {
        # The English labels give T to both Target prompt and Steps; Steps takes P in Japanese.
        "&Target prompt": ("&Ziel-Prompt", "ターゲットプロンプト(&T)"),
        "&Negative": ("&Negativ", "ネガティブ(&N)"),
        "S&ource prompt": ("&Quell-Prompt", "ソースプロンプト(&O)"),
        "S&eed": ("&Seed", "シード(&E)"),
        "&Size": ("G&röße", "サイズ(&S)"),
        "&Frames / fps": ("&Bilder / fps", "フレーム / fps(&F)"),
        "S&teps / sampler": ("Sc&hritte / Sampler", "ステップ / サンプラー(&P)"),
        "&Guidance / shift": ("&Guidance / Shift", "ガイダンス / シフト(&G)"),
        "What the new clip shows": ("Was der neue Clip zeigt", "新しいクリップに映すもの"),
        "What to avoid": ("Was vermieden werden soll", "避けたいもの"),
        "Empty by default: the source pass runs unprompted": (
            "Standardmäßig leer: Der Quelldurchlauf läuft ohne Prompt",
            "既定では空: ソースのパスはプロンプトなしで実行されます"),
        "Lock": ("Sperren", "固定"),
        "A locked seed is kept when you ask for a new variation": (
            "Ein gesperrter Seed bleibt bei neuen Variationen erhalten",
            "固定したシードは新しいバリエーションを作成しても変わりません"),
        "Randomise": ("Zufällig", "ランダム"),
        "Pick a new random seed": ("Einen neuen zufälligen Seed wählen", "新しいシードをランダムに選びます"),
        " fps": (" fps", " fps"),
        "Denoising steps": ("Entrauschungsschritte", "ノイズ除去のステップ数"),
        "Classifier-free guidance scale": (
            "Stärke der Classifier-free Guidance (CFG)", "Classifier-free guidance（CFG）のスケール"),
        "Flow-matching shift of the noise schedule": (
            "Flow-Matching-Shift des Rauschplans", "ノイズスケジュールのフローマッチング・シフト"),
        "Width": ("Breite", "幅"),
        "Height": ("Höhe", "高さ"),
        "%1 %2 snapped to %3 (this model takes multiples of %4)": (
            "%1 %2 auf %3 gerundet (dieses Modell verarbeitet Vielfache von %4)",
            "%1 %2 を %3 に丸めました（このモデルのサイズは %4 の倍数です）"),
        "%1 frames snapped to %2 (this model takes %3n+%4 frames)": (
            "%1 Bilder auf %2 gerundet (dieses Modell verarbeitet %3n+%4 Bilder)",
            "%1 フレームを %2 に丸めました（このモデルは %3n+%4 フレームを扱います）"),
        # Shown when a model loads whose rules the current settings break; %4 is one number
        # or "%1 or %2".
        "%1 %2 does not suit this model, which takes multiples of %3; nearest valid: %4": (
            "%1 %2 passt nicht zu diesem Modell, das Vielfache von %3 verarbeitet; nächstgelegen "
            "gültig: %4",
            "%1 %2 はこのモデルに合いません（サイズは %3 の倍数）。近い有効値: %4"),
        "%1 frames do not suit this model, which takes %2n+%3 frames; nearest valid: %4": (
            "%1 Bilder passen nicht zu diesem Modell, das %2n+%3 Bilder verarbeitet; "
            "nächstgelegen gültig: %4",
            "%1 フレームはこのモデルに合いません（%2n+%3 フレーム）。近い有効値: %4"),
        "%1 or %2": ("%1 oder %2", "%1 または %2"),
    },
    # "field must be ..., got ...": the field path comes first, then a space.
    "mbq::JsonReader": {
        "is missing": ("fehlt", "がありません"),
        "must be %1, got %2": ("muss %1 sein, ist aber %2", "は %1 である必要がありますが、%2 です"),
        "an object": ("ein Objekt", "オブジェクト"),
        "a number": ("eine Zahl", "数値"),
        "an array": ("ein Array", "配列"),
        "a string": ("ein String", "文字列"),
        "true or false": ("true oder false", "true または false"),
        "must be a whole number, got %1": (
            "muss eine ganze Zahl sein, ist aber %1", "は整数である必要があります（値: %1）"),
        "must be a whole number in [0, 2^53] (write larger values as a string), got %1": (
            "muss eine ganze Zahl in [0, 2^53] sein (größere Werte als String schreiben), ist aber %1",
            "は [0, 2^53] の範囲の整数である必要があります（これより大きい値は文字列で記述してください。"
            "値: %1）"),
        "a decimal string": ("ein String mit einer Dezimalzahl", "10 進数の文字列"),
        'must be a decimal number from 0 to 18446744073709551615, got "%1"': (
            "muss eine Dezimalzahl von 0 bis 18446744073709551615 sein, ist aber „%1“",
            "は 0 から 18446744073709551615 までの 10 進数である必要があります（値: 「%1」）"),
    },
    "mbq::LayerRow": {
        "M": ("M", "M"),  # mute, as on a mixing desk
        "Mute: weight 0, click again to restore it": (
            "Stumm: Gewichtung 0, erneut klicken zum Wiederherstellen",
            "ミュート: 重みを 0 にします。もう一度クリックすると元に戻ります"),
        "S": ("S", "S"),  # solo
        "Solo: only this layer injects, click again to restore the others": (
            "Solo: Nur dieser Layer injiziert, erneut klicken stellt die anderen wieder her",
            "ソロ: このレイヤーだけが注入します。もう一度クリックすると他のレイヤーが元に戻ります"),
        "Weight of %1": ("Gewichtung von %1", "%1 の重み"),
    },
    "mbq::Media": {
        "%1: stopped after %2 frames: more would not fit in %3 MiB": (
            "%1: nach %2 Bildern angehalten: Mehr passt nicht in %3 MiB",
            "%1: %2 フレームで停止しました: これ以上は %3 MiB に収まりません"),
        "%1: no frame could be decoded": (
            "%1: Es konnte kein Bild dekodiert werden", "%1: デコードできたフレームがありません"),
        "A filmstrip needs a positive count and height": (
            "Ein Filmstreifen braucht eine positive Anzahl und Höhe",
            "フィルムストリップには正の枚数と高さが必要です"),
        "Cannot compare: %1 has no frames": (
            "Vergleich nicht möglich: %1 hat keine Bilder", "比較できません: %1 にフレームがありません"),
    },
    "mbq::Metrics": {
        "The %1 clip needs at least two frames": (
            "Der Clip „%1“ braucht mindestens zwei Bilder", "%1 クリップには少なくとも 2 フレームが必要です"),
    },
    "mbq::ModelManagerDialog": {
        "Use This Model": ("Dieses Modell verwenden", "このモデルを使用"),
        "Model Manager": ("Modellverwaltung", "モデルマネージャー"),
        "Component": ("Komponente", "コンポーネント"),
        "File": ("Datei", "ファイル"),
        "Format": ("Format", "形式"),
        "Tensors": ("Tensoren", "テンソル"),
        "Parameters": ("Parameter", "パラメータ"),
        "State": ("Status", "状態"),
        "Add Folder…": ("Ordner hinzufügen…", "フォルダを追加…"),
        "Remove": ("Entfernen", "削除"),
        "Add Model Folder": ("Modellordner hinzufügen", "モデルフォルダを追加"),
        "Not usable: %1": ("Nicht verwendbar: %1", "使用できません: %1"),
        "ok": ("OK", "OK"),
        "missing": ("fehlt", "見つかりません"),
        "%1 (%2 layout) · %3 parameters · about %4 GB of GPU memory at %5×%6, %7 frames (rough "
        "estimate)": (
            "%1 (%2-Layout) · %3 Parameter · etwa %4 GB GPU-Speicher bei %5×%6, %7 Bildern (grobe "
            "Schätzung)",
            "%1（%2 レイアウト）· %3 パラメータ · %5×%6、%7 フレームで GPU メモリ約 %4 GB（概算）"),
        "Missing: %1": ("Fehlt: %1", "不足: %1"),
    },
    "mbq::MemoryLabel": {
        "GPU %1 / %2 GB": ("GPU %1 / %2 GB", "GPU %1 / %2 GB"),
        "RAM %1 / %2 GB": ("RAM %1 / %2 GB", "メモリ %1 / %2 GB"),
        "GPU memory held by the engine now, of the device's total; at most %1 GB during the last "
        "render": (
            "GPU-Speicher, den die Engine jetzt belegt, vom Gesamtspeicher des Geräts; höchstens "
            "%1 GB während des letzten Renderings",
            "エンジンが現在使用している GPU メモリ（デバイス全体のうち）。直前のレンダリング中の最大は "
            "%1 GB"),
        "Memory of the studio's process now, of the machine's total; at most %1 GB during the last "
        "render": (
            "Speicher des Studio-Prozesses jetzt, vom Gesamtspeicher des Rechners; höchstens %1 GB "
            "während des letzten Renderings",
            "スタジオのプロセスが現在使用しているメモリ（マシン全体のうち）。直前のレンダリング中の最大は "
            "%1 GB"),
    },
    "mbq::PreferencesDialog": {
        "Preferences": ("Einstellungen", "環境設定"),
        "Memory on the compute device for the source's captured queries, kept so the next render "
        "of the same source skips extraction": (
            "Speicher auf dem Rechengerät für die erfassten Queries der Quelle, damit das nächste "
            "Rendering derselben Quelle die Extraktion überspringt",
            "ソースから取得したクエリを計算デバイス上に保持するメモリ。同じソースの次のレンダリングで"
            "抽出を省略できます"),
        "Q bank in &host memory:": ("Q-Bank im &Hauptspeicher:", "ホストメモリ上の Q バンク(&H):"),
        "Q bank on di&sk:": ("Q-Bank auf der Fe&stplatte:", "ディスク上の Q バンク(&S):"),
        "Disk space in the cache folder for captured queries past the memory budgets": (
            "Speicherplatz im Cache-Ordner für erfasste Queries jenseits der Speicherbudgets",
            "メモリの上限を超えたクエリを置くキャッシュフォルダ内のディスク容量"),
        # The host tier's budget at 0.
        "None": ("Keiner", "なし"),
        "Host memory for captured queries past the device budget; on a GPU they come back over "
        "PCIe instead of being extracted again": (
            "Hauptspeicher für erfasste Queries jenseits des Gerätebudgets; bei einer GPU kommen "
            "sie über PCIe zurück, statt erneut extrahiert zu werden",
            "デバイスの上限を超えたクエリを置くホストメモリ。GPU では再抽出せずに PCIe 経由で"
            "戻します"),
        "Store queries in &8-bit floating point": (
            "Queries als &8-Bit-Gleitkommazahlen speichern", "クエリを 8 ビット浮動小数点で保存(&8)"),
        "A quarter of float32's memory per query, with a scale per token and head; each value "
        "keeps three mantissa bits": (
            "Ein Viertel des Speichers von float32 pro Query, mit einem Skalenfaktor je Token und "
            "Head; jeder Wert behält drei Mantissenbits",
            "クエリあたり float32 の 4 分の 1 のメモリ。トークンとヘッドごとにスケールを持ち、"
            "各値は仮数部 3 ビットを保持します"),
        "System default": ("Systemstandard", "システムの既定"),
        "&Language:": ("&Sprache:", "言語(&L):"),
        "Computation": ("Berechnung", "計算"),
        "&Device:": ("&Gerät:", "デバイス(&D):"),
        "Automatic (CUDA when present)": (
            "Automatisch (CUDA, wenn vorhanden)", "自動（利用可能なら CUDA）"),
        "CPU": ("CPU", "CPU"),
        "CUDA GPU": ("CUDA-GPU", "CUDA GPU"),
        "In use: starting…": ("In Verwendung: wird gestartet…", "使用中: 起動中…"),
        "In use: %1": ("In Verwendung: %1", "使用中: %1"),
        "&Precision:": ("&Präzision:", "精度(&P):"),
        "Automatic (bfloat16 on CUDA, float32 on CPU)": (
            "Automatisch (bfloat16 mit CUDA, float32 auf der CPU)",
            "自動（CUDA では bfloat16、CPU では float32）"),
        "float32": ("float32", "float32"),
        "bfloat16": ("bfloat16", "bfloat16"),
        "Caches": ("Caches", "キャッシュ"),
        "&Q bank:": ("&Q-Bank:", "Q バンク(&Q):"),
        "&Trajectory in memory:": ("&Trajektorie im Arbeitsspeicher:", "メモリ上の軌跡(&T):"),
        "Trajectory on dis&k:": ("Trajektorie auf der &Festplatte:", "ディスク上の軌跡(&K):"),
        "Cache &folder:": ("Cache-&Ordner:", "キャッシュフォルダ(&F):"),
        " GiB": (" GiB", " GiB"),
        # The Q bank's budget at 0.
        "No limit": ("Unbegrenzt", "無制限"),
        "Memory for the source's captured queries, kept so the next render of the same source "
        "skips extraction": (
            "Speicher für die erfassten Queries der Quelle, damit das nächste Rendering derselben "
            "Quelle die Extraktion überspringt",
            "ソースから取得したクエリを保持するメモリ。同じソースの次のレンダリングでは抽出を"
            "省略できます"),
        "Memory for the latent after each denoising step, kept so a re-render resumes at the "
        "first step that changed": (
            "Speicher für das Latent nach jedem Entrauschungsschritt, damit ein erneutes Rendering "
            "beim ersten geänderten Schritt fortsetzt",
            "各ノイズ除去ステップ後の潜在表現を保持するメモリ。再レンダリングは最初に変更された"
            "ステップから再開します"),
        "Disk space in the cache folder for steps that no longer fit in memory": (
            "Speicherplatz im Cache-Ordner für Schritte, die nicht mehr in den Arbeitsspeicher "
            "passen",
            "メモリに収まらなくなったステップ用の、キャッシュフォルダ内のディスク容量"),
        "None: steps are kept in memory only": (
            "Keiner: Schritte bleiben nur im Arbeitsspeicher",
            "なし: ステップはメモリにのみ保持されます"),
        "&Browse…": ("&Durchsuchen…", "参照(&B)…"),
        "Choose Cache Folder": ("Cache-Ordner wählen", "キャッシュフォルダを選択"),
    },
    "mbq::ProjectInputs": {
        "Found: nothing, the folder is empty.": (
            "Gefunden: nichts, der Ordner ist leer.", "見つかったもの: なし（フォルダは空です）。"),
        "Found: %1 and %n more": (
            ["Gefunden: %1 und %n weiterer Eintrag", "Gefunden: %1 und %n weitere Einträge"],
            ["見つかったもの: %1 ほか %n 件"]),
        "Found: %1": ("Gefunden: %1", "見つかったもの: %1"),
        "%1 is an incomplete %2 model folder (%3 layout):\n%4": (
            "%1 ist ein unvollständiger %2-Modellordner (%3-Layout):\n%4",
            "%1 は不完全な %2 モデルフォルダです（%3 レイアウト）:\n%4"),
        "Looked for a video clip FFmpeg can read (for example MP4, MOV, MKV, WebM, AVI or GIF) "
        "with at least one frame.": (
            "Gesucht wurde ein Videoclip, den FFmpeg lesen kann (etwa MP4, MOV, MKV, WebM, AVI "
            "oder GIF), mit mindestens einem Bild.",
            "FFmpeg で読み込める、1 フレーム以上のビデオクリップ（MP4、MOV、MKV、WebM、AVI、GIF "
            "など）を探しました。"),
    },
    "mbq::RenderRequest": {
        "(no prompt)": ("(kein Prompt)", "（プロンプトなし）"),
    },
    "mbq::RenderWorker": {
        "the project's model did not load: %1": (
            "das Modell des Projekts wurde nicht geladen: %1",
            "プロジェクトのモデルを読み込めませんでした: %1"),
        "no inference engine is available": (
            "keine Inferenz-Engine verfügbar", "推論エンジンを利用できません"),
        "internal error: %1": ("interner Fehler: %1", "内部エラー: %1"),
        "internal error: the engine failed to start": (
            "interner Fehler: Die Engine konnte nicht starten", "内部エラー: エンジンを起動できませんでした"),
        "none": ("keines", "なし"),
        "internal error: unknown exception": (
            "interner Fehler: unbekannte Ausnahme", "内部エラー: 不明な例外"),
    },
    # "20–29 at 1.00, 5 at 0.50" or "off".
    "mbq::ScheduleText": {
        "%1 at %2": ("%1 mit %L2", "%1（%L2）"),
        "off": ("aus", "オフ"),
    },
    "mbq::StepRangeScrubber": {
        "Injected steps": ("Injizierte Schritte", "注入ステップ"),
        "resumes from step %1": ("setzt bei Schritt %1 fort", "ステップ %1 から再開"),
        "Step %1: injected": ("Schritt %1: injiziert", "ステップ %1: 注入あり"),
        "Step %1: not injected": ("Schritt %1: nicht injiziert", "ステップ %1: 注入なし"),
        "Step %1 (t = %2): injected": ("Schritt %1 (t = %2): injiziert", "ステップ %1（t = %2）: 注入あり"),
        "Step %1 (t = %2): not injected": (
            "Schritt %1 (t = %2): nicht injiziert", "ステップ %1（t = %2）: 注入なし"),
        "No steps": ("Keine Schritte", "ステップなし"),
        "No step injected (of %n steps)": (
            ["Kein Schritt injiziert (von %n Schritt)", "Kein Schritt injiziert (von %n Schritten)"],
            ["注入するステップなし（全 %n ステップ）"]),
        "Begin %1, end %2 (of %n steps)": (
            ["Anfang %1, Ende %2 (von %n Schritt)", "Anfang %1, Ende %2 (von %n Schritten)"],
            ["開始 %1、終了 %2（全 %n ステップ）"]),
    },
    # `mbq sweep --vary` parse errors; %1 is an axis name (end-step, weight, ...), kept as typed.
    "mbq::SweepGrid": {
        "%1: %2 is not a weight between 0 and 1": (
            "%1: %2 ist kein Gewicht zwischen 0 und 1", "%1: %2 は 0 から 1 の重みではありません"),
        "%1: %2 is not a whole step": (
            "%1: %2 ist kein ganzer Schritt", "%1: %2 は整数のステップではありません"),
        "%1: step %2 is outside 0-%3 (the render has %3 steps)": (
            "%1: Schritt %2 liegt außerhalb von 0-%3 (das Rendering hat %3 Schritte)",
            "%1: ステップ %2 は 0-%3 の範囲外です（レンダリングは %3 ステップです）"),
        "%1: “%2” is not a number": (
            "%1: „%2“ ist keine Zahl", "%1: 「%2」は数値ではありません"),
        "%1: “%2” is not a number or a range A:B:STEP": (
            "%1: „%2“ ist weder eine Zahl noch ein Bereich A:B:STEP",
            "%1: 「%2」は数値でも範囲 A:B:STEP でもありません"),
        # %3 is "number" or "whole number" below.
        "%1: the STEP of “%2” must be a positive %3": (
            "%1: STEP in „%2“ muss eine positive %3 sein",
            "%1: 「%2」の STEP は正の%3である必要があります"),
        "number": ("Zahl", "数"),
        "whole number": ("ganze Zahl", "整数"),
        "%1: the range “%2” runs backwards; write %3:%4:%5": (
            "%1: Der Bereich „%2“ läuft rückwärts; schreiben Sie %3:%4:%5",
            "%1: 範囲「%2」が逆順です。%3:%4:%5 と書いてください"),
        "%1: more than %2 values": ("%1: mehr als %2 Werte", "%1: 値が %2 個を超えています"),
        "%1: an empty value between commas": (
            "%1: ein leerer Wert zwischen Kommas", "%1: カンマの間の値が空です"),
        "%1: %2 is listed twice": ("%1: %2 ist doppelt angegeben", "%1: %2 が 2 回指定されています"),
        "layers: an empty selection between commas": (
            "layers: eine leere Auswahl zwischen Kommas", "layers: カンマの間の選択が空です"),
        "layers: “%1”: %2": ("layers: „%1“: %2", "layers: 「%1」: %2"),
        "layers: “%1” selects no layer": (
            "layers: „%1“ wählt keinen Layer aus", "layers: 「%1」はどのレイヤーも選択しません"),
        "layers: %1 is listed twice": (
            "layers: %1 ist doppelt angegeben", "layers: %1 が 2 回指定されています"),
        "“%1” is not AXIS=VALUES (for example end-step=0:50:5)": (
            "„%1“ hat nicht die Form ACHSE=WERTE (zum Beispiel end-step=0:50:5)",
            "「%1」は 軸=値 の形式ではありません（例: end-step=0:50:5）"),
        "“%1” is not an axis; use begin-step, end-step, weight or layers (and --seeds for seeds)": (
            "„%1“ ist keine Achse; verwenden Sie begin-step, end-step, weight oder layers (und "
            "--seeds für Seeds)",
            "「%1」は軸ではありません。begin-step、end-step、weight、layers のいずれかを使って"
            "ください（シードには --seeds）"),
        "%1: no values": ("%1: keine Werte", "%1: 値がありません"),
        "%1 is varied twice; give all its values in one --vary": (
            "%1 wird zweimal variiert; geben Sie alle Werte in einem --vary an",
            "%1 が 2 回変化させられています。すべての値を 1 つの --vary で指定してください"),
    },
    "mbq::SweepDialog": {
        "Sweep": ("Sweep", "スイープ"),
        "Renders every combination of layer weight and step-range end with the current settings; "
        "each cell becomes a take and a point on the trade-off plot as it finishes.": (
            "Rendert jede Kombination aus Layer-Gewichtung und Ende des Schrittbereichs mit den "
            "aktuellen Einstellungen; jede Zelle wird nach Abschluss zu einem Take und zu einem "
            "Punkt im Trade-off-Diagramm.",
            "レイヤーの重みとステップ範囲の終了位置のすべての組み合わせを、現在の設定でレンダリングします。"
            "各セルは完了するとテイクになり、トレードオフのプロットに点として追加されます。"),
        "Layer &weights:": ("Layer-&Gewichtungen:", "レイヤーの重み(&W):"),
        "Step-range &ends:": ("&Enden des Schrittbereichs:", "ステップ範囲の終了位置(&E):"),
        "Queue Sweep": ("Sweep einreihen", "スイープをキューに追加"),
        "“%1” is not a weight between 0 and 1": (
            "„%1“ ist keine Gewichtung zwischen 0 und 1", "「%1」は 0 から 1 の間の重みではありません"),
        "Give at least one weight": ("Mindestens eine Gewichtung angeben", "重みを 1 つ以上指定してください"),
        "“%1” is not a step between 1 and %2": (
            "„%1“ ist kein Schritt zwischen 1 und %2", "「%1」は 1 から %2 の間のステップではありません"),
        "Give at least one step-range end": (
            "Mindestens ein Ende des Schrittbereichs angeben",
            "ステップ範囲の終了位置を 1 つ以上指定してください"),
        "%n renders": (["%n Rendering", "%n Renderings"], ["%n 件のレンダリング"]),
    },
    # Take labels, stored in the project as written.
    "mbq::TakeRunner": {
        "preview %1": ("Vorschau %1", "プレビュー %1"),
        "take %1": ("Take %1", "テイク %1"),
        "sweep w %1 · end %2": ("Sweep w %1 · Ende %2", "スイープ w %1 · 終了 %2"),
    },
    "mbq::TimelineModel": {
        "fidelity %1": ("Treue %1", "忠実度 %1"),
        "leak %1": ("Leak %1", "漏れ %1"),
        "queued": ("eingereiht", "待機中"),
        "rendering": ("wird gerendert", "レンダリング中"),
        "failed": ("fehlgeschlagen", "失敗"),
        "cancelled": ("abgebrochen", "キャンセル済み"),
        "Source": ("Quelle", "ソース"),
        "Takes": ("Takes", "テイク"),
        "%1\n%2\nseed %3 · %4×%5 · %6 frames · %7 steps\nlayers %8 · steps %9–%10": (
            "%1\n%2\nSeed %3 · %4×%5 · %6 Bilder · %7 Schritte\nLayer %8 · Schritte %9–%10",
            "%1\n%2\nシード %3 · %4×%5 · %6 フレーム · %7 ステップ\nレイヤー %8 · ステップ %9–%10"),
    },
    "mbq::TimelineView": {
        "Drop a clip here to set the source": (
            "Clip hierher ziehen, um die Quelle festzulegen", "ここにクリップをドロップしてソースに設定します"),
        "Renders appear here as takes": (
            "Renderings erscheinen hier als Takes", "レンダリング結果はここにテイクとして表示されます"),
    },
    "mbq::TradeoffPlot": {
        "Identity leak (lower is better)": (
            "Identitäts-Leak (niedriger ist besser)", "アイデンティティ漏れ（低いほど良い）"),
        "Motion fidelity (higher is better)": (
            "Bewegungstreue (höher ist besser)", "モーション忠実度（高いほど良い）"),
        "Pareto front": ("Pareto-Front", "パレートフロント"),
        "Renders": ("Renderings", "レンダリング結果"),
        "Current": ("Aktuell", "現在"),
        "No renders yet: render, or run a sweep, to fill this plot": (
            "Noch keine Renderings: rendern oder einen Sweep starten, um dieses Diagramm zu füllen",
            "レンダリングはまだありません。レンダリングするかスイープを実行すると、ここに表示されます"),
        "leak %1 · fidelity %2": ("Leak %1 · Treue %2", "漏れ %1 · 忠実度 %2"),
        "On the Pareto front": ("Auf der Pareto-Front", "パレートフロント上"),
    },
    "mbq::TransportBar": {
        "Play": ("Abspielen", "再生"),
        "Play or pause all panes together": (
            "Alle Ansichten gemeinsam abspielen oder anhalten", "すべてのペインをまとめて再生・一時停止します"),
        "Play Backwards": ("Rückwärts abspielen", "逆再生"),
        "Play backwards": ("Rückwärts abspielen", "逆方向に再生します"),
        "Pause": ("Pause", "一時停止"),
        "Play Forwards": ("Vorwärts abspielen", "順再生"),
        "Play forwards": ("Vorwärts abspielen", "順方向に再生します"),
        "Previous Frame": ("Vorheriges Bild", "前のフレーム"),
        "Step back one frame": ("Ein Bild zurück", "1 フレーム戻ります"),
        "Next Frame": ("Nächstes Bild", "次のフレーム"),
        "Step forward one frame": ("Ein Bild vor", "1 フレーム進みます"),
        "Go to Start": ("Zum Anfang", "先頭へ移動"),
        "Go to the first frame": ("Zum ersten Bild springen", "最初のフレームに移動します"),
        "Go to End": ("Zum Ende", "末尾へ移動"),
        "Go to the last frame": ("Zum letzten Bild springen", "最後のフレームに移動します"),
        "Loop": ("Schleife", "ループ"),
        "Start over at the end instead of stopping": (
            "Am Ende von vorn beginnen statt anzuhalten", "最後まで再生したら停止せずに最初から再生します"),
        "Position": ("Position", "再生位置"),
        "--:--.-- / --:--.-- · no frames": (
            "--:--.-- / --:--.-- · keine Bilder", "--:--.-- / --:--.-- · フレームなし"),
        "%1 / %2 · frame %3/%4": ("%1 / %2 · Bild %3/%4", "%1 / %2 · フレーム %3/%4"),
        "%1 (%2)": ("%1 (%2)", "%1（%2）"),  # a tooltip and its shortcut
    },
    "mbq::VideoReader": {
        "%1: out of memory": ("%1: nicht genügend Arbeitsspeicher", "%1: メモリ不足です"),
        "%1: frame %2 at %3 s is damaged; shown as far as it decoded": (
            "%1: Bild %2 bei %L3 s ist beschädigt; es wird angezeigt, soweit es dekodiert wurde",
            "%1: %L3 s のフレーム %2 が破損しています。デコードできた部分まで表示します"),
        "%1: a frame after %2 s could not be decoded: %3": (
            "%1: Ein Bild nach %L2 s konnte nicht dekodiert werden: %3",
            "%1: %L2 s 以降のフレームをデコードできませんでした: %3"),
        "%1: gave up after %2 packets without a picture": (
            "%1: nach %2 Paketen ohne Bild aufgegeben",
            "%1: 画像を含まないパケットが %2 個続いたため中止しました"),
        "reading stalled for more than %1 s": (
            "Lesen stockte länger als %1 s", "読み込みが %1 s 以上止まりました"),
        "%1: cannot read past %2 s: %3": (
            "%1: kann nicht über %L2 s hinaus gelesen werden: %3", "%1: %L2 s より先を読み込めません: %3"),
        "%1: damaged data at %2 s could not be decoded: %3": (
            "%1: beschädigte Daten bei %L2 s konnten nicht dekodiert werden: %3",
            "%1: %L2 s の破損データをデコードできませんでした: %3"),
        "%1: cannot seek to %2 s: %3": (
            "%1: Springen zu %L2 s nicht möglich: %3", "%1: %L2 s にシークできません: %3"),
        "%1: frame %2 has no usable picture": (
            "%1: Bild %2 ist nicht verwendbar", "%1: フレーム %2 に使用できる画像がありません"),
        "%1: cannot convert %2 pictures to RGB": (
            "%1: %2-Bilder können nicht in RGB umgewandelt werden",
            "%1: %2 形式の画像を RGB に変換できません"),
    },
    "mbq::VideoReader::Private": {
        "%1 (further problems not listed)": (
            "%1 (weitere Probleme nicht aufgeführt)", "%1（以降の問題は省略）"),
    },
    "mbq::VideoWriter": {
        "Cannot write %1: empty video (%2×%3 at %4 fps)": (
            "%1 kann nicht geschrieben werden: leeres Video (%2×%3 bei %4 fps)",
            "%1 を書き込めません: 動画が空です（%2×%3、%4 fps）"),
        "Cannot write %1: %2 needs an even width and height, not %3×%4": (
            "%1 kann nicht geschrieben werden: %2 braucht eine gerade Breite und Höhe, nicht %3×%4",
            "%1 を書き込めません: %2 には偶数の幅と高さが必要です（%3×%4 は不可）"),
        "Cannot write %1: unknown container; use .mp4, .mov or .mkv": (
            "%1 kann nicht geschrieben werden: unbekannter Container; .mp4, .mov oder .mkv "
            "verwenden",
            "%1 を書き込めません: 不明なコンテナです。.mp4、.mov、.mkv のいずれかを使用してください"),
        "Cannot write %1: this FFmpeg has no %2 encoder": (
            "%1 kann nicht geschrieben werden: dieses FFmpeg hat keinen %2-Encoder",
            "%1 を書き込めません: この FFmpeg には %2 エンコーダがありません"),
        "Cannot write %1: %2 video cannot be stored in a .%3 file": (
            "%1 kann nicht geschrieben werden: %2-Video kann nicht in einer .%3-Datei gespeichert "
            "werden",
            "%1 を書き込めません: %2 の動画は .%3 ファイルに保存できません"),
        "Cannot write %1: the folder %2 does not exist": (
            "%1 kann nicht geschrieben werden: Der Ordner %2 existiert nicht",
            "%1 を書き込めません: フォルダ %2 が存在しません"),
        "Cannot write %1: %2": ("%1 kann nicht geschrieben werden: %2", "%1 を書き込めません: %2"),
        "Cannot write %1: out of memory": (
            "%1 kann nicht geschrieben werden: nicht genügend Arbeitsspeicher",
            "%1 を書き込めません: メモリ不足です"),
        "Cannot write %1: the %2 encoder refused the settings: %3": (
            "%1 kann nicht geschrieben werden: Der %2-Encoder hat die Einstellungen abgelehnt: %3",
            "%1 を書き込めません: %2 エンコーダが設定を受け付けませんでした: %3"),
        "Cannot write %1: no RGB conversion to %2": (
            "%1 kann nicht geschrieben werden: keine RGB-Umwandlung nach %2",
            "%1 を書き込めません: RGB から %2 への変換がありません"),
        "Cannot write %1: the writer is closed": (
            "%1 kann nicht geschrieben werden: Die Ausgabe ist bereits geschlossen",
            "%1 を書き込めません: 出力は既に閉じられています"),
    },
    "mbq::VideoWriter::Private": {
        "Cannot encode %1: %2": ("%1 kann nicht kodiert werden: %2", "%1 をエンコードできません: %2"),
    },
    "mbq::WipeView": {
        "A/B wipe": ("A/B-Wipe", "A/B ワイプ"),
        "Drag to move the divider, or Tab here and use the arrow keys": (
            "Ziehen verschiebt den Teiler; alternativ mit Tab hierher wechseln und die Pfeiltasten "
            "verwenden",
            "ドラッグで境界線を移動します。Tab キーでここに移動して矢印キーでも操作できます"),
        "A: %1": ("A: %1", "A: %1"),
        "B: %1": ("B: %1", "B: %1"),
    },
}


def by_source(column):
    """Each source string's text in `column`, where every context that lists it agrees."""
    found = {}
    for texts in TEXTS.values():
        for source, columns in texts.items():
            found.setdefault(source, []).append(columns[column])
    return {source: texts[0] for source, texts in found.items()
            if all(text == texts[0] for text in texts)}


def fill(path, column):
    tree = ET.parse(path)
    fallback = by_source(column)
    missing = 0
    borrowed = []
    for context in tree.getroot().findall("context"):
        name = context.find("name").text
        texts = TEXTS.get(name, {})
        for message in context.findall("message"):
            source = message.find("source").text
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if source in texts:
                text = texts[source][column]
            elif source in fallback and isinstance(fallback[source], list) == numerus:
                text = fallback[source]
                borrowed.append("%s: %s" % (name, source))
            else:
                missing += 1
                continue
            translation.attrib.pop("type", None)
            if numerus:
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                for form in text:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for entry in borrowed:
        print("%s: took the text of another context for %r" % (os.path.basename(path), entry),
              file=sys.stderr)
    return missing


if __name__ == "__main__":
    for language, column in (("de", 0), ("ja", 1)):
        left = fill(os.path.join(HERE, "mbq_%s.ts" % language), column)
        print("mbq_%s.ts: %d strings left in English" % (language, left), file=sys.stderr)
