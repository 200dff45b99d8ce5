import {
  AcceptInvitationRequest,
  PASSWORD_MAX_LENGTH,
  PasswordResetConfirm,
  PasswordResetRequest,
  SignInRequest,
  TotpSignInRequest,
  VerifyEmailRequest,
} from '@kengash/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'psychologist@demo.kengash.example' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class TotpSignInDto implements TotpSignInRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  challengeToken!: string;

  @ApiPropertyOptional({ example: '123456' })
  @ValidateIf((o: TotpSignInDto) => o.recoveryCode === undefined || o.code !== undefined)
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code?: string;

  @ApiPropertyOptional({ example: 'ABCD-EF01-2345-6789' })
  @IsOptional()
  @IsString()
  @Length(8, 40)
  recoveryCode?: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;
}

export class TokenAndPasswordDto implements PasswordResetConfirm, AcceptInvitationRequest {
  @ApiProperty()
  @IsString()
  @Length(16, 256)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class VerifyEmailDto implements VerifyEmailRequest {
  @ApiProperty()
  @IsString()
  @Length(16, 256)
  token!: string;
}
