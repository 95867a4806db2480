/**
 * The demo host page's own text in each language its switch offers (keyed by `data-i18n`); English
 * is the page's markup. The elements' text does not come from here: each `pat-elements/locales/*`
 * module registers its strings, and the elements follow the page's `lang`.
 */
export const HOST_TEXT: Record<string, Record<string, string>> = {
  de: {
    settings: 'Einstellungen',
    profile: 'Profil',
    account: 'Konto',
    notifications: 'Benachrichtigungen',
    security: 'Passwort und Anmeldung',
    tokens: 'Persönliche Zugriffstokens',
    sessions: 'Sitzungen',
    billing: 'Abrechnung',
    lede:
      'Mit Tokens können Skripte, Kommandozeilen-Tools und Integrationen die Nimbus-API in Ihrem Namen nutzen. Sie haben dieselben Berechtigungen wie Ihr Konto: Geben Sie jedem einen klaren Namen und die kürzeste Laufzeit, die genügt.',
  },
  fr: {
    settings: 'Paramètres',
    profile: 'Profil',
    account: 'Compte',
    notifications: 'Notifications',
    security: 'Mot de passe et authentification',
    tokens: 'Jetons d’accès personnels',
    sessions: 'Sessions',
    billing: 'Facturation',
    lede:
      'Les jetons permettent aux scripts, aux outils en ligne de commande et aux intégrations d’utiliser l’API Nimbus en votre nom. Ils disposent des mêmes autorisations que votre compte : donnez à chacun un nom clair et la durée de validité la plus courte possible.',
  },
  es: {
    settings: 'Configuración',
    profile: 'Perfil',
    account: 'Cuenta',
    notifications: 'Notificaciones',
    security: 'Contraseña y autenticación',
    tokens: 'Tokens de acceso personal',
    sessions: 'Sesiones',
    billing: 'Facturación',
    lede:
      'Los tokens permiten que scripts, herramientas de línea de comandos e integraciones usen la API de Nimbus en tu nombre. Tienen los mismos permisos que tu cuenta, así que dale a cada uno un nombre claro y el vencimiento más corto que te sirva.',
  },
  ja: {
    settings: '設定',
    profile: 'プロフィール',
    account: 'アカウント',
    notifications: '通知',
    security: 'パスワードと認証',
    tokens: '個人用アクセストークン',
    sessions: 'セッション',
    billing: '請求',
    lede:
      'トークンを使うと、スクリプト、コマンドラインツール、連携サービスがあなたとして Nimbus API を利用できます。トークンにはアカウントと同じ権限があるため、それぞれにわかりやすい名前を付け、有効期限はできるだけ短く設定してください。',
  },
  'pt-BR': {
    settings: 'Configurações',
    profile: 'Perfil',
    account: 'Conta',
    notifications: 'Notificações',
    security: 'Senha e autenticação',
    tokens: 'Tokens de acesso pessoal',
    sessions: 'Sessões',
    billing: 'Faturamento',
    lede:
      'Os tokens permitem que scripts, ferramentas de linha de comando e integrações usem a API do Nimbus em seu nome. Eles têm as mesmas permissões da sua conta, então dê a cada um deles um nome claro e a menor validade que atenda.',
  },
  'zh-CN': {
    settings: '设置',
    profile: '个人资料',
    account: '账号',
    notifications: '通知',
    security: '密码和身份验证',
    tokens: '个人访问令牌',
    sessions: '会话',
    billing: '账单',
    lede: '令牌可让脚本、命令行工具和集成以您的身份使用 Nimbus API。令牌拥有与您的账号相同的权限，因此请为每个令牌取一个清晰的名称，并设置够用的最短有效期。',
  },
  ar: {
    settings: 'الإعدادات',
    profile: 'الملف الشخصي',
    account: 'الحساب',
    notifications: 'الإشعارات',
    security: 'كلمة المرور والمصادقة',
    tokens: 'رموز الوصول الشخصية',
    sessions: 'الجلسات',
    billing: 'الفوترة',
    lede:
      'تتيح رموز الوصول للبرامج النصية وأدوات سطر الأوامر والتكاملات استخدام واجهة Nimbus البرمجية نيابةً عنك. ولها الأذونات نفسها التي يملكها حسابك، لذا امنح كل رمز اسمًا واضحًا وأقصر مدة صلاحية تفي بالغرض.',
  },
};
