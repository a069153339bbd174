<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja">
<context>
    <name>ProjectDocument</name>
    <message>
        <source>Add take "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove take "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project has no file yet; choose where to save it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit negative prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit source prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set seed to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change generation settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A layer id is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The weight of %1 must be in [0, 1], got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set weight of %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The weight of head %1 of %2 must be in [0, 1], got %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set head weights of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The step range [%1, %2) is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set steps to [%1, %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set injection mode to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The extraction timestep must be in [0, 1000], got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set source extraction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inject into %1 guidance branches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear token mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paint token mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace injection schedule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set source clip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set model folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no place %1 for a shot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shot duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add shot %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no shot %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A project keeps at least one shot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove shot %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit target prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit shot %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A take needs an id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is already a take with id %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no take with id %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename take "%1" to "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Update take "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the settings of "%1"</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Zero-shot motion transfer editor</source>
        <translation>ゼロショット・モーション転送エディタ</translation>
    </message>
    <message>
        <source>Project file to open (default: the demo project)</source>
        <translation>開くプロジェクトファイル（既定: デモプロジェクト）</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once shown, then quit.</source>
        <translation>メインウィンドウ表示後に PNG を保存して終了します。</translation>
    </message>
    <message>
        <source>User interface language: %1 (default: the system's)</source>
        <translation>表示言語: %1（既定: システムの言語）</translation>
    </message>
</context>
<context>
    <name>mbq</name>
    <message>
        <source>%1: the frame rate and frame count must be positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the source states no frame rate; assuming 25 fps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: starts at %2 s but the clip is only %3 s long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 frames snapped to %2 (the model takes 4n+1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: needs %2 frames at %3 fps from %4 s but holds only %5; start earlier or lower the frame rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the source holds only %1 frames at %2 fps; using %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the video has no frame size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>size %1×%2 snapped to %3×%4 (multiples of 16)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: empty conform plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: decoded only %2 of the %3 frames the model needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the file held %2 frames where %3 were planned; using %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot export to %1: no such folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot export %1: the clip has no frames</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file would exceed the largest size allowed here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: the clip has no frames</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: is a folder, not a project file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: is %2 MiB, larger than any project (limit %3 MiB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be one of %1, got "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must hold at least one shot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be an ISO 8601 date and time, got "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot upgrade from format_version %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is %1 MiB, larger than any project (limit %2 MiB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is not valid JSON: %1 at line %2, column %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must hold a JSON object at the top level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is not an mbq project (app is "%1")</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>was made by a newer mbq (format_version %1; this version reads up to %2). Update mbq to open it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>format_version must be &gt;= 0, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1.id repeats take id "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be in [0, 1], got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>repeats layer "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be &gt;= 0, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be &gt;= step_begin (%1), got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be in [0, 1000], got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be base64-encoded bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 must be a positive multiple of %2 up to %3, got %4; nearest valid: %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 must be 4n+1 frames (1, 5, 9, ... up to %2), got %3; nearest valid: %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1fps must be in (0, 240], got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1steps must be in [1, %2], got %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1guidance must be &gt;= 0, got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1shift must be &gt; 0, got %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::ConformPlan</name>
    <message>
        <source>%1 of %2 frames from %3 s, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1→%2 fps, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 fps, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> → scale %1×%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> → crop %1×%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> → pad %1×%2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::Enum</name>
    <message>
        <source>must be one of %1, got "%2"</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::JsonReader</name>
    <message>
        <source>is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be a whole number, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be a whole number in [0, 2^53] (write larger values as a string), got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a decimal string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be a decimal number from 0 to 18446744073709551615, got "%1"</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::MainWindow</name>
    <message>
        <source>mbq projects (*.mbqproj);;All files (*)</source>
        <translation>mbq プロジェクト (*.mbqproj);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Device: starting…</source>
        <translation>デバイス: 起動中…</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>デバイス: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>デモプロジェクトを開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Render</source>
        <translation>レンダリング(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Motion by Queries Studio</source>
        <translation>Motion by Queries Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot open the demo project</source>
        <translation>デモプロジェクトを開けません</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>プロジェクトを保存できません</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>名前を付けてプロジェクトを保存</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 には未保存の変更があります。先に保存しますか？</translation>
    </message>
    <message>
        <source>Queued render %1</source>
        <translation>レンダリング %1 をキューに追加しました</translation>
    </message>
    <message>
        <source>About Motion by Queries Studio</source>
        <translation>Motion by Queries Studio について</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Motion by Queries Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zero-shot motion transfer: the self-attention queries of a source clip steer the motion of a new video that looks like its own prompt.&lt;/p&gt;&lt;p&gt;Device: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Motion by Queries Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;ゼロショット・モーション転送: ソースクリップのセルフアテンションのクエリが、独自のプロンプトどおりの見た目を持つ新しい動画の動きを導きます。&lt;/p&gt;&lt;p&gt;デバイス: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model: none chosen</source>
        <translation>モデル: 未選択</translation>
    </message>
    <message>
        <source>Model: loading %1…</source>
        <translation>モデル: %1 を読み込み中…</translation>
    </message>
    <message>
        <source>%1[*] — Motion by Queries Studio</source>
        <translation>%1[*] — Motion by Queries Studio</translation>
    </message>
    <message>
        <source>Model: not loaded</source>
        <translation>モデル: 未読み込み</translation>
    </message>
    <message>
        <source>Choose &amp;Model Folder…</source>
        <translation>モデルフォルダを選択(&amp;M)…</translation>
    </message>
    <message>
        <source>Choose Model Folder</source>
        <translation>モデルフォルダを選択</translation>
    </message>
    <message>
        <source>%1B</source>
        <translation>%1B</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <source>Model: %1 (%2 layout, %3 parameters)</source>
        <translation>モデル: %1（%2 レイアウト、%3 パラメータ）</translation>
    </message>
</context>
<context>
    <name>mbq::Media</name>
    <message>
        <source>%1: stopped after %2 frames: more would not fit in %3 MiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no frame could be decoded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A filmstrip needs a positive count and height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot compare: %1 has no frames</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::Metrics</name>
    <message>
        <source>The %1 clip needs at least two frames</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::ProjectSummaryView</name>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>%1 — not found</source>
        <translation>%1 — 見つかりません</translation>
    </message>
    <message>
        <source>Source clip</source>
        <translation>ソースクリップ</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Target prompt</source>
        <translation>ターゲットプロンプト</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>ネガティブプロンプト</translation>
    </message>
    <message>
        <source>Source prompt</source>
        <translation>ソースプロンプト</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Q injection</source>
        <translation>Q インジェクション</translation>
    </message>
    <message>
        <source>Injected steps</source>
        <translation>注入ステップ</translation>
    </message>
    <message>
        <source>Source extraction</source>
        <translation>ソース抽出</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>テイク</translation>
    </message>
    <message>
        <source>seed %1%2 · %3×%4 · %5 frames at %6 fps · %7 steps %8 · guidance %9 · shift %10</source>
        <translation>シード %1%2 · %3×%4 · %5 フレーム（%6 fps）· %7 ステップ %8 · ガイダンス %9 · シフト %10</translation>
    </message>
    <message>
        <source> (locked)</source>
        <translation>（固定）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>steps %1 to %2 of %3</source>
        <translation>ステップ %1〜%2（全 %3）</translation>
    </message>
    <message>
        <source>single pass at t = %1</source>
        <translation>t = %1 で 1 回のパス</translation>
    </message>
    <message>
        <source>no renders yet</source>
        <translation>レンダリングはまだありません</translation>
    </message>
    <message numerus="yes">
        <source>%n take(s)</source>
        <translation><numerusform>%n 件のテイク</numerusform></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
</context>
<context>
    <name>mbq::RenderJobDelegate</name>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>モデル読み込み</translation>
    </message>
    <message>
        <source>Encode source</source>
        <translation>ソースのエンコード</translation>
    </message>
    <message>
        <source>Extract Q</source>
        <translation>Q の抽出</translation>
    </message>
    <message>
        <source>Denoise</source>
        <translation>ノイズ除去</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>デコード</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>メトリクス</translation>
    </message>
    <message>
        <source>Waiting for the render thread</source>
        <translation>レンダリングスレッドを待っています</translation>
    </message>
    <message>
        <source>Finished in %1</source>
        <translation>%1 で完了</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り %1</translation>
    </message>
</context>
<context>
    <name>mbq::RenderQueueDock</name>
    <message>
        <source>Render Queue</source>
        <translation>レンダーキュー</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>完了分を消去</translation>
    </message>
    <message>
        <source>Stop the selected job; finished steps are kept</source>
        <translation>選択したジョブを停止します。完了したステップは保持されます</translation>
    </message>
    <message>
        <source>Queue the selected job again</source>
        <translation>選択したジョブを再度キューに追加します</translation>
    </message>
    <message>
        <source>Remove finished, failed and cancelled jobs from the list</source>
        <translation>完了・失敗・キャンセルしたジョブを一覧から削除します</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
</context>
<context>
    <name>mbq::RenderRequest</name>
    <message>
        <source>(no prompt)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::RenderWorker</name>
    <message>
        <source>no inference engine is available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>internal error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>internal error: the engine failed to start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>internal error: unknown exception</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::VideoReader</name>
    <message>
        <source>%1: out of memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: frame %2 at %3 s is damaged; shown as far as it decoded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: a frame after %2 s could not be decoded: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: gave up after %2 packets without a picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading stalled for more than %1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot read past %2 s: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: damaged data at %2 s could not be decoded: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot seek to %2 s: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: frame %2 has no usable picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot convert %2 pictures to RGB</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::VideoReader::Private</name>
    <message>
        <source>%1 (further problems not listed)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::VideoWriter</name>
    <message>
        <source>Cannot write %1: empty video (%2×%3 at %4 fps)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2 needs an even width and height, not %3×%4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: unknown container; use .mp4, .mov or .mkv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: this FFmpeg has no %2 encoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2 video cannot be stored in a .%3 file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: out of memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: the %2 encoder refused the settings: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: no RGB conversion to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: the writer is closed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::VideoWriter::Private</name>
    <message>
        <source>Cannot encode %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::av</name>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: is a folder, not a video</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: not a video file FFmpeg can read (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot read the streams: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: contains no video stream</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: this FFmpeg has no decoder for %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the video has no frame size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot open the %2 decoder: %3</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>